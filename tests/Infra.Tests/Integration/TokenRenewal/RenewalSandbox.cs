using System.Globalization;
using System.Text.Json.Nodes;
using Emulators.Hosting;
using Infra.Stacks;
using Infra.Tests.Support;

namespace Infra.Tests.Integration.TokenRenewal;

/// <summary>
/// The end-to-end world of the self-renewing token: both emulators with one-hour Spacelift tokens on the
/// sandbox's clock, the program run through its command line, and the reads a test makes through Port's
/// API (the lease, the token secret's record, runs) with a fresh Port login each time, since hours of the
/// emulators' clock pass between them.
/// </summary>
internal sealed class RenewalSandbox : IAsyncDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private RenewalSandbox(Sandbox sandbox) => Sandbox = sandbox;

    public Sandbox Sandbox { get; }

    public ResourceNames Names => ResourceNames.Guide;

    public RenewalLoopNames Loop => new(Names);

    public static async Task<RenewalSandbox> StartAsync(EmulatorOptions? options = null)
        => new(await Sandbox.StartAsync((options ?? new EmulatorOptions()) with { Stacks = 2, TokenLifetime = Lifetime }));

    /// <summary>
    /// Moves the emulators' clock <paramref name="by"/> in steps shorter than a renewal period, letting
    /// every timer, run and automation each step starts finish before the next: nothing but Port acts.
    /// </summary>
    public async Task PassAsync(TimeSpan by)
    {
        var step = TimeSpan.FromMinutes(5);
        for (var passed = TimeSpan.Zero; passed < by; passed += step)
        {
            Sandbox.Clock.Advance(step);
            await SettleAsync();
        }
    }

    public async Task SettleAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Sandbox.Emulators.Port.WhenIdleAsync(timeout.Token);
    }

    public async Task<JsonObject> LeaseAsync()
    {
        using var port = Sandbox.PortApi();
        return (await port.SendAsync(HttpMethod.Get, $"v1/blueprints/{Loop.Blueprint}/entities/{Loop.Lease}"))!["entity"]!.AsObject();
    }

    public async Task<string> LeasePropertyAsync(string property) => (await LeaseAsync())["properties"]![property]!.GetValue<string>();

    public async Task<DateTimeOffset> RenewAtAsync() => Parse(await LeasePropertyAsync(TokenRenewalLoop.Timer));

    /// <summary>The runs of an action or automation as Port lists them, newest first.</summary>
    public async Task<JsonArray> RunsAsync(string action)
    {
        using var port = Sandbox.PortApi();
        return (await port.SendAsync(HttpMethod.Get, $"v1/actions/runs?action={action}"))!["runs"]!.AsArray();
    }

    /// <summary>Runs the trigger through Port's API, as a user's click does, and answers the finished run.</summary>
    public async Task<JsonObject> TriggerAsync()
    {
        using var port = Sandbox.PortApi();
        var stack = Sandbox.StackIds()[0];
        var started = await port.SendAsync(HttpMethod.Post, $"v1/actions/{Names.TriggerAction}/runs", new JsonObject { ["properties"] = new JsonObject { ["stack"] = stack } });
        await SettleAsync();
        return (await port.SendAsync(HttpMethod.Get, $"v1/actions/runs/{started!["run"]!["id"]}"))!["run"]!.AsObject();
    }

    public string TokenDescription() => Sandbox.Emulators.Port.SecretMetadata(Names.TokenSecret)!["description"]!.GetValue<string>();

    public static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public ValueTask DisposeAsync() => Sandbox.DisposeAsync();
}

using System.Globalization;
using System.Text.Json.Nodes;
using Emulators.Hosting;
using FakePulumiEngine;
using Infra.Sdk;
using Infra.Tests.Support;

namespace Infra.Tests.PulumiMode;

/// <summary>
/// The self-renewing token under Pulumi: the same resources as the standalone engine registers, valid for
/// the Port provider's schema; the lease armed from the token Pulumi mode mints (unknown in a preview that
/// would mint); and, while the token is kept, the lease's two times registered with ignoreChanges, so the
/// renewals Port makes between updates never show as a change.
/// </summary>
[Collection(ChildProcessCollection.Name)]
public sealed class PulumiTokenRenewalTests
{
    private const string Lease = "spacelift_token_lease/SPACELIFT_TOKEN";
    private static readonly string[] LeaseTimes = ["properties.stringProps.renew_at", "properties.stringProps.valid_until"];

    [Fact]
    public async Task APreviewRegistersTheLoopValidForTheSchemaWithTheTimerUnknown()
    {
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = 1 });

        var (run, calls) = await world.RunAsync(new FakeEngineOptions { DryRun = true });

        Assert.True(run.ExitCode == 0, run.ToString());
        var lease = calls.Named(Recorded.Entity, Lease).Request;
        var times = lease["object"]!["properties"]!["stringProps"]!;
        Assert.Equal(ProviderSchema.Unknown, times["renew_at"]!.GetValue<string>());
        Assert.Equal(ProviderSchema.Unknown, times["valid_until"]!.GetValue<string>());
        Assert.Equal("RENEWED", times["renewal_status"]!.GetValue<string>());
        Assert.Empty(Recorded.Strings(lease, "ignoreChanges"));

        var renew = calls.Named(Recorded.Action, "spacelift_token_renew").Request["object"]!;
        Assert.Equal("spacelift_token_lease", renew["automationTrigger"]!["timerPropertyExpiredEvent"]!["blueprintIdentifier"]!.GetValue<string>());
        Assert.Equal("renew_at", renew["automationTrigger"]!["timerPropertyExpiredEvent"]!["propertyIdentifier"]!.GetValue<string>());
        var rearm = calls.Named(Recorded.Action, "spacelift_token_renew_rearm").Request["object"]!;
        Assert.Equal("spacelift_token_lease", rearm["upsertEntityMethod"]!["blueprintIdentifier"]!.GetValue<string>());
        // The renewed token's record carries Pulumi mode's writer mark, so the next up keeps it.
        Assert.Contains(" · by:pulumi", calls.Named(Recorded.Action, "spacelift_token_renew_store").Request["object"]!["webhookMethod"]!["body"]!.GetValue<string>(), StringComparison.Ordinal);
        foreach (var call in calls.Custom())
        {
            var type = Recorded.Text(call.Request, "type")!;
            var problems = ProviderSchema.Port.Validate(type, call.Request["object"]!.AsObject());
            Assert.True(problems.Count == 0, $"{type} {Recorded.Text(call.Request, "name")}:\n{string.Join("\n", problems)}");
        }

        // No lease in Port yet: nothing to say about the loop.
        Assert.DoesNotContain(calls, c => c.Method == "Log" && (Recorded.Text(c.Request, "message") ?? "") is var m && (m.Contains("self-renewing", StringComparison.Ordinal) || m.Contains("renews itself", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task UpArmsTheTimerFromTheTokenItMintsAndTheLoopsLaterRenewalsAreNoChange()
    {
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = 1 });
        var state = new Dictionary<string, JsonObject>(StringComparer.Ordinal);

        // up: the token minted, and the lease armed from it
        var (first, firstCalls) = await world.RunAsync(new FakeEngineOptions { State = state });
        Assert.True(first.ExitCode == 0, first.ToString());
        var token = firstCalls.Named(Recorded.Secret, "SPACELIFT_TOKEN").Request["object"]!;
        var description = token["description"]!.GetValue<string>();
        var validUntil = SecretRecord.ReadValidUntil(description)!.Value;
        var lease = firstCalls.Named(Recorded.Entity, Lease).Request;
        Assert.Equal(Iso(validUntil - TimeSpan.FromMinutes(10)), lease["object"]!["properties"]!["stringProps"]!["renew_at"]!.GetValue<string>());
        Assert.Equal(Iso(validUntil), lease["object"]!["properties"]!["stringProps"]!["valid_until"]!.GetValue<string>());
        Assert.Empty(Recorded.Strings(lease, "ignoreChanges"));
        Assert.EndsWith(" · by:pulumi", description, StringComparison.Ordinal);

        // Then the loop renewed the token in Port, recording its new expiry with Pulumi mode's writer mark
        var renewed = validUntil + TimeSpan.FromMinutes(50);
        using (var api = new PortApi(world.Emulators.PortUrl, world.Emulators.Options.PortClientId, world.Emulators.Options.PortClientSecret))
        {
            await api.SendAsync(HttpMethod.Post, "v1/organization/secrets", new JsonObject
            {
                ["secretName"] = "SPACELIFT_TOKEN",
                ["secretValue"] = token["secretValue"]!["value"]!.GetValue<string>(),
                ["description"] = description.Replace(Iso(validUntil), Iso(renewed), StringComparison.Ordinal),
            });
        }

        // up again: the token is kept, and the lease's times are the loop's to move
        var (second, secondCalls) = await world.RunAsync(new FakeEngineOptions { State = state });
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(["secretValue", "description"], Recorded.Strings(secondCalls.Named(Recorded.Secret, "SPACELIFT_TOKEN").Request, "ignoreChanges"));
        var kept = secondCalls.Named(Recorded.Entity, Lease).Request;
        Assert.Equal(LeaseTimes, Recorded.Strings(kept, "ignoreChanges"));
        Assert.Equal(Iso(renewed - TimeSpan.FromMinutes(10)), kept["object"]!["properties"]!["stringProps"]!["renew_at"]!.GetValue<string>());
        // The engine kept the times it holds: no update of the lease for a renewal the loop made.
        var held = state[Recorded.Urn(Recorded.Entity, Lease)];
        Assert.Equal(lease["object"]!["properties"]!.ToJsonString(), held["properties"]!.ToJsonString());
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString(SecretRecord.TimeFormat, CultureInfo.InvariantCulture);
}

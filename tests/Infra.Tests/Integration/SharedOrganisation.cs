using System.Text;
using Emulators.Hosting;
using Infra.Tests.Support;

namespace Infra.Tests.Integration;

/// <summary>
/// One Port organisation, two Spacelift accounts: stack <c>ci</c> (A) is the <see cref="Sandbox"/>'s,
/// with its own Spacelift emulator; stack <c>b</c> (B) writes the same Port organisation and reads a
/// second Spacelift emulator with other API key credentials. Both stacks live in one project folder.
/// </summary>
internal sealed class SharedOrganisation : IAsyncDisposable
{
    public const string StackB = "b";

    private SharedOrganisation(Sandbox a, EmulatorHost accountB)
    {
        A = a;
        AccountB = accountB;
        ConfigB = EmulatorConfig.For(a.Emulators, accountB);
        ConfigB["infra:stateDir"] = ".infra/state";
        WriteStackB();
    }

    public Sandbox A { get; }

    /// <summary>B's Spacelift account (its Port side is not used).</summary>
    public EmulatorHost AccountB { get; }

    public Dictionary<string, string> ConfigB { get; }

    public static async Task<SharedOrganisation> StartAsync(int stacksA = 4, int stacksB = 3)
    {
        var a = await Sandbox.StartAsync(new EmulatorOptions { Stacks = stacksA });
        try
        {
            var b = await EmulatorHost.StartAsync(new EmulatorOptions
            {
                Stacks = stacksB,
                SpaceliftKeyId = "01BBBBBBBBBBBBBBBBBBBBBBBB",
                SpaceliftKeySecret = "account-b-secret",
                Time = a.Clock,
            });
            return new SharedOrganisation(a, b);
        }
        catch
        {
            await a.DisposeAsync();
            throw;
        }
    }

    /// <summary>B with its own blueprint and name suffix.</summary>
    public void GiveBItsOwnNames(string suffix = "b")
    {
        ConfigB["infra:blueprint"] = "space_lift_stack_" + suffix;
        ConfigB["infra:nameSuffix"] = suffix;
        WriteStackB();
    }

    public void WriteStackB()
    {
        var text = new StringBuilder("config:\n");
        foreach (var (key, value) in ConfigB)
        {
            text.Append("  ").Append(key).Append(": '").Append(value).Append("'\n");
        }

        File.WriteAllText(Path.Combine(A.Directory, $"Pulumi.{StackB}.yaml"), text.ToString());
    }

    public Task<CliRun> CliA(string verb, params string[] extra) => A.Cli(verb, extra);

    public Task<CliRun> CliB(string verb, params string[] extra) => A.RunAsync([verb, "--stack", StackB, "--cwd", A.Directory, .. extra]);

    /// <summary>Everything Port holds, secret values included, as one text.</summary>
    public async Task<string> PortDumpAsync()
    {
        await A.Emulators.Port.WhenIdleAsync();
        return A.Emulators.Port.Dump();
    }

    public async ValueTask DisposeAsync()
    {
        await AccountB.DisposeAsync();
        await A.DisposeAsync();
    }
}

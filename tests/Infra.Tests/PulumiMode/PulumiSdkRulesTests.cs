using Emulators.Hosting;
using FakePulumiEngine;
using Infra.Sdk;
using Infra.Stacks;
using Infra.Cli.PulumiMode;
using Infra.Tests.Support;

namespace Infra.Tests.PulumiMode;

/// <summary>The .NET SDK's rules a Pulumi user relies on (pulumi/pulumi-dotnet <c>sdk/Pulumi/Deployment/Deployment.Runner.cs</c>).</summary>
[Collection(Support.ChildProcessCollection.Name)]
public sealed class PulumiSdkRulesTests
{
    [Fact]
    public async Task AnErrorDiagnosticLoggedToTheEngineEndsTheRunWithExitOne()
    {
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = 1 });
        foreach (var (key, value) in world.Config)
        {
            world.Cli.ConfigSet("dev", key, value, secret: world.SecretKeys.Contains(key));
        }

        var (config, secretKeys) = world.Cli.ProgramConfig("dev");
        await using var engine = await FakeEngine.StartAsync(new FakeEngineOptions());
        var environment = LanguageHost.Environment(engine, world.Directory, config, secretKeys).ToDictionary(e => e.Key, e => (string?)e.Value, StringComparer.Ordinal);
        var withError = new ExtendedProgram(
            new Infra.Stacks.SpaceliftIntegration(),
            graph => graph with { Diagnostics = [.. graph.Diagnostics, new Diagnostic(Severity.Error, "a stack the program could not declare")] });

        var exit = await PulumiProgram.RunAsync(withError, environment, world.Directory, TextWriter.Null, TimeProvider.System, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("a stack the program could not declare", Recorded.Text(Assert.Single(engine.Calls.Errors()).Request, "message"), StringComparison.Ordinal);
        Assert.NotEmpty(engine.Calls.Custom());
        Assert.DoesNotContain("SignalAndWaitForShutdown", engine.Calls.Select(c => c.Method));
    }

    [Fact]
    public async Task ASignalEndsTheRunWithOneErrorLineNotAStackTrace()
    {
        // SIGINT and SIGTERM cancel the run's token (Program.cs); under the language host that must end as an
        // error the engine shows, as any other failure does, not as an unhandled exception.
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = 1 });
        foreach (var (key, value) in world.Config)
        {
            world.Cli.ConfigSet("dev", key, value, secret: world.SecretKeys.Contains(key));
        }

        var (config, secretKeys) = world.Cli.ProgramConfig("dev");
        await using var engine = await FakeEngine.StartAsync(new FakeEngineOptions());
        var environment = LanguageHost.Environment(engine, world.Directory, config, secretKeys).ToDictionary(e => e.Key, e => (string?)e.Value, StringComparer.Ordinal);
        using var signal = new CancellationTokenSource();
        var interrupted = new ExtendedProgram(new Infra.Stacks.SpaceliftIntegration(), graph =>
        {
            signal.Cancel();
            return graph;
        });

        var exit = await PulumiProgram.RunAsync(interrupted, environment, world.Directory, TextWriter.Null, TimeProvider.System, signal.Token);

        Assert.Equal(32, exit);
        Assert.Equal("the run was interrupted (SIGINT or SIGTERM) before every resource was registered; Pulumi keeps what it recorded, and the next `pulumi up` finishes the rest", Recorded.Text(Assert.Single(engine.Calls.Errors()).Request, "message"));
    }
}

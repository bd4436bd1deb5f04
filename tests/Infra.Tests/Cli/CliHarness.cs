using Infra.Cli.Shell;
using Infra.Cli.Shell.Io;
using Infra.Cli.Engine;
using Infra.Tests.Cli.Fakes;
using Spectre.Console.Testing;
using Infra.Cli.Engine.Contract;

namespace Infra.Tests.Cli;

/// <summary>Runs the whole command line in-process over fakes and captures stdout, stderr and the exit code.</summary>
internal sealed class CliHarness
{
    public CliHarness(Plan plan) => Engines = new FakeEngineFactory(new FakeEngine(plan));

    public TestConsole Out { get; } = new();

    public TestConsole Error { get; } = new();

    public Dictionary<string, string?> Environment { get; } = [];

    public FakeEngineFactory Engines { get; }

    public FakeEngine Engine => Engines.Engine;

    public FakeConfigurationSource Configuration { get; } = new();

    public TimeProvider Time { get; set; } = TimeProvider.System;

    public async Task<CliRun> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var host = new CliHost(Out, Error, new CliEnvironment(Environment), StandardInput.None, Engines, Configuration, Time);
        var code = await CliApp.RunAsync(host, args, cancellationToken);
        return new CliRun(code, Out.Output.NormalizeLineEndings(), Error.Output.NormalizeLineEndings());
    }

    public Task<CliRun> RunAsync(string commandLine) => RunAsync(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}

internal sealed record CliRun(int ExitCode, string Output, string Error);

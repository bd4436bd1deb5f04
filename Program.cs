using Infra.Cli;
using Infra.Cli.Hosting;
using Infra.Config;
using Infra.Engine;
using Infra.PulumiMode;

// Under `pulumi preview|up`, the language host starts the program with no arguments and the engine's
// addresses in PULUMI_MONITOR/PULUMI_ENGINE: register the declarations with that engine instead.
var processEnvironment = ProcessEnvironment.Snapshot();
if (LanguageHostEnvironment.IsPresent(processEnvironment, args))
{
    using var engineCancellation = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = !engineCancellation.IsCancellationRequested;
        engineCancellation.Cancel();
    };
    return await PulumiProgram.RunAsync(processEnvironment, TimeProvider.System, engineCancellation.Token);
}

// The only place that touches the process's console, environment and signals; Cli/ gets them injected.
var environment = CliEnvironment.FromProcess();
var host = new CliHost(
    Out: ConsoleFactory.Create(Console.Out, !Console.IsOutputRedirected, !Console.IsInputRedirected, environment),
    Error: ConsoleFactory.Create(Console.Error, !Console.IsErrorRedirected, canPrompt: false, environment),
    Environment: environment,
    Engines: new StackEngineFactory(),
    Configuration: new StackConfigurationSource(environment),
    Time: TimeProvider.System);

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl-C cancels the run cleanly (the engine records what it finished); a second one kills.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

return await CliApp.RunAsync(host, args, cancellation.Token);

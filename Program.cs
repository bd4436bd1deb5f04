using Infra.Cli;
using Infra.Cli.Hosting;
using Infra.Engine;

// The only place that touches the process's console, environment and signals; Cli/ gets them injected.
var environment = CliEnvironment.FromProcess();
var host = new CliHost(
    Out: ConsoleFactory.Create(Console.Out, !Console.IsOutputRedirected, !Console.IsInputRedirected, environment),
    Error: ConsoleFactory.Create(Console.Error, !Console.IsErrorRedirected, canPrompt: false, environment),
    Environment: environment,
    Engines: Engines.Create(),
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

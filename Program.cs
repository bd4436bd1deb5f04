using System.Collections;
using Infra.Cli;
using Infra.Cli.Hosting;

// The only place that touches the process's console, environment, stdin and signals; everything
// below gets them injected through the CliHost.
var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
{
    variables[(string)entry.Key] = entry.Value as string;
}

var environment = new CliEnvironment(variables);
var host = new CliHost(
    Out: ConsoleFactory.Create(Console.Out, !Console.IsOutputRedirected, !Console.IsInputRedirected, environment),
    Error: ConsoleFactory.Create(Console.Error, !Console.IsErrorRedirected, canPrompt: false, environment),
    Environment: environment,
    Input: new StandardInput(Console.IsInputRedirected ? Console.In : null),
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

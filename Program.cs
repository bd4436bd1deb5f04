using System.Collections;
using System.Runtime.InteropServices;
using Infra.Cli.Hosting;
using Infra.Cli.PulumiMode;
using Infra.Cli.Shell;
using Infra.Cli.Shell.Io;
using Infra.Sdk;
using Infra.Stacks;

// The only place that touches the process's console, environment, working directory, stdin and
// signals; everything below gets them injected.
var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
{
    variables[(string)entry.Key] = entry.Value as string;
}

using var cancellation = new CancellationTokenSource();
// SIGINT (Ctrl-C) and SIGTERM (CI runners, `timeout`, `docker stop`) alike: the first cancels the run
// cleanly (the engine records what it finished, the shell says what was and was not applied, the lock
// is released, exit 8); a second one lets the signal end the process at once.
void Interrupt(PosixSignalContext context)
{
    context.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
}

using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);

// The program, handed to whichever executor runs: the standalone engine or Pulumi's.
IStackProgram program = new SpaceliftIntegration();

// Under `pulumi preview|up`, the language host starts the program with no arguments and the engine's
// addresses in PULUMI_MONITOR/PULUMI_ENGINE: register the declarations with that engine instead.
if (LanguageHostEnvironment.IsPresent(variables, args))
{
    return await PulumiProgram.RunAsync(program, variables, Directory.GetCurrentDirectory(), Console.Error, TimeProvider.System, cancellation.Token);
}

var environment = new CliEnvironment(variables);
var host = new CliHost(
    Out: ConsoleFactory.Create(Console.Out, !Console.IsOutputRedirected, !Console.IsInputRedirected, environment),
    Error: ConsoleFactory.Create(Console.Error, !Console.IsErrorRedirected, canPrompt: false, environment),
    Environment: environment,
    Input: new StandardInput(Console.IsInputRedirected ? Console.In : null),
    Engines: Engines.Create(program),
    Configuration: new StackConfigurationSource(environment),
    Time: TimeProvider.System);

return await CliApp.RunAsync(host, args, cancellation.Token);

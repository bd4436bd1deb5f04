using System.Runtime.InteropServices;
using Emulators.Hosting;

// The standalone emulators: start both services, print where they are and how to log in, run until
// Ctrl-C or SIGTERM. Exit codes: 0 after a clean stop or --help, 2 for bad flags, 1 if they cannot start.
EmulatorOptions? options;
try
{
    options = EmulatorCommandLine.Parse(args);
}
catch (EmulatorUsageException e)
{
    Console.Error.WriteLine("error: " + e.Message);
    return 2;
}

if (options is null)
{
    Console.Out.Write(EmulatorCommandLine.Usage);
    return 0;
}

var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.TrySetResult();
}

using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

EmulatorHost host;
try
{
    host = await EmulatorHost.StartAsync(options);
}
catch (EmulatorUsageException e)
{
    Console.Error.WriteLine("error: " + e.Message);
    return 2;
}
catch (Exception e) when (e is not OperationCanceledException)
{
    // An address in use, or a Port state file that cannot be read: one line, no stack trace.
    Console.Error.WriteLine("error: cannot start the emulators: " + e.Message.ReplaceLineEndings(" "));
    return 1;
}

await using (host)
{
    Console.Out.WriteLine($"Port emulator:      {host.PortUrl}  (client id '{options.PortClientId}', secret '{options.PortClientSecret}')");
    Console.Out.WriteLine($"Spacelift emulator: {host.SpaceliftGraphQLUrl}  (API key id '{options.SpaceliftKeyId}', secret '{options.SpaceliftKeySecret}')");
    Console.Out.WriteLine($"Stacks: {host.Spacelift.Stacks.Count}; latency {options.LatencyMs} ms; faults: {options.Faults ?? "none"}. Ctrl-C or SIGTERM stops.");
    if (options.ClockSpeed != 1)
    {
        Console.Out.WriteLine(FormattableString.Invariant($"Clock: {options.ClockSpeed:0.###} times real time (a Spacelift token lasts {options.TokenLifetime.TotalSeconds / options.ClockSpeed:0.#} s of real time)."));
    }
    await stop.Task;
}

Console.Out.WriteLine("Emulators stopped.");
return 0;

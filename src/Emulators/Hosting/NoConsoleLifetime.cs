using Microsoft.Extensions.Hosting;

namespace Emulators.Hosting;

/// <summary>
/// Keeps the emulators' web hosts from taking over Ctrl-C and SIGTERM: whoever embeds the emulators
/// (a test, the demo stack, the standalone program) decides when to stop them.
/// </summary>
internal sealed class NoConsoleLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

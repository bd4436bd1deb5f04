using Emulators.Hosting;

namespace Benchmarks.Emulation;

/// <summary>Both emulators on Kestrel inside this process (the default, and what the child process hosts).</summary>
public sealed class InProcessEmulators : IEmulatorSession
{
    private readonly EmulatorHost _host;

    private InProcessEmulators(EmulatorHost host) => _host = host;

    public Uri PortUrl => _host.PortUrl;

    public Uri SpaceliftUrl => _host.SpaceliftUrl;

    public string Placement => "in this process (peak RSS includes the emulators and their data)";

    public static async Task<InProcessEmulators> StartAsync(int stacks, int latencyMs, CancellationToken cancellationToken)
    {
        var host = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = stacks, LatencyMs = latencyMs }, cancellationToken)
            .ConfigureAwait(false);
        return new InProcessEmulators(host);
    }

    public Task<int> ChangeStacksAsync(int count, CancellationToken cancellationToken) =>
        Task.FromResult(SpaceliftAccountEdits.Change(_host, count));

    public Task<int> RemoveStacksAsync(int count, CancellationToken cancellationToken) =>
        Task.FromResult(SpaceliftAccountEdits.Remove(_host, count));

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}

namespace Emulators.Hosting;

/// <summary>Both emulators running on Kestrel (stub: owned by the Spacelift/hosting work).</summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    public Uri PortUrl { get; private set; } = new("http://127.0.0.1/");
    public Uri SpaceliftUrl { get; private set; } = new("http://127.0.0.1/");

    public static Task<EmulatorHost> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default)
        => throw new NotImplementedException();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

namespace Emulators.Hosting;

/// <summary>Request counters of both emulated services, for tests and benchmarks.</summary>
public sealed class RequestCounters
{
    public ServiceCounters Port { get; } = new();
    public ServiceCounters Spacelift { get; } = new();

    public void Reset()
    {
        Port.Reset();
        Spacelift.Reset();
    }
}

namespace Emulators.Hosting;

/// <summary>How to start the two emulators. A null URL means "a free 127.0.0.1 port".</summary>
public sealed record EmulatorOptions
{
    public Uri? PortUrl { get; init; }
    public Uri? SpaceliftUrl { get; init; }
    public int Stacks { get; init; } = 25;
    public int LatencyMs { get; init; }
    public string? Faults { get; init; }
    public int FaultSeed { get; init; } = 1;
    public string? StateFile { get; init; }
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(10);
    public string PortClientId { get; init; } = "emulator";
    public string PortClientSecret { get; init; } = "emulator";
    public string SpaceliftKeyId { get; init; } = "01EMULATOREMULATOREMULATOR";
    public string SpaceliftKeySecret { get; init; } = "emulator";
}

namespace Emulators.Port;

public sealed record PortEmulatorOptions
{
    public string ClientId { get; init; } = "emulator";
    public string ClientSecret { get; init; } = "emulator";

    /// <summary>Load the organisation from this file at start and save it after changes.</summary>
    public string? StateFile { get; init; }
}

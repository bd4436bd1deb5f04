namespace Emulators.Hosting;

/// <summary>The two emulated services, as named in fault specs and counters.</summary>
public static class ServiceNames
{
    public const string Port = "port";
    public const string Spacelift = "spacelift";
}

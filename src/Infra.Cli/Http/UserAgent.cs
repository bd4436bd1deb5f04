using System.Net.Http.Headers;
using System.Reflection;

namespace Infra.Cli.Http;

/// <summary><c>infra/&lt;version&gt;</c>, so both services can tell this program's traffic apart.</summary>
internal static class UserAgent
{
    public static ProductInfoHeaderValue Value { get; } = new("infra", Version());

    private static string Version()
    {
        var assembly = typeof(UserAgent).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        // The SDK appends "+<commit>" to the informational version; a product token allows no '+'.
        var version = informational?.Split('+')[0];
        return string.IsNullOrEmpty(version) ? assembly.GetName().Version?.ToString() ?? "0.0.0" : version;
    }
}

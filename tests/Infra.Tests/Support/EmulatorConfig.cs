using Emulators.Hosting;

namespace Infra.Tests.Support;

/// <summary>
/// The six provider keys that point the program at emulators: Port's URL and credentials from
/// <paramref name="port"/>, Spacelift's from <paramref name="spacelift"/> (the same host, unless a test
/// gives one Port organisation two Spacelift accounts).
/// </summary>
internal static class EmulatorConfig
{
    public static Dictionary<string, string> For(EmulatorHost port, EmulatorHost? spacelift = null)
    {
        spacelift ??= port;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["port:baseUrl"] = port.PortUrl.AbsoluteUri,
            ["port:clientId"] = port.Options.PortClientId,
            ["port:secret"] = port.Options.PortClientSecret,
            ["spacelift:apiKeyEndpoint"] = spacelift.SpaceliftUrl.AbsoluteUri,
            ["spacelift:apiKeyId"] = spacelift.Options.SpaceliftKeyId,
            ["spacelift:apiKeySecret"] = spacelift.Options.SpaceliftKeySecret,
        };
    }
}

using System.Net;

namespace Emulators.Hosting;

/// <summary>Where an emulator listens: a loopback address only, port 0 meaning any free port.</summary>
internal static class LoopbackEndpoint
{
    public static IPEndPoint From(Uri? url, string flag)
    {
        if (url is null)
        {
            return new IPEndPoint(IPAddress.Loopback, 0);
        }

        if (url.Scheme != Uri.UriSchemeHttp)
        {
            throw new EmulatorUsageException($"{flag} {url}: only http:// URLs are served");
        }

        if (url.AbsolutePath != "/")
        {
            throw new EmulatorUsageException($"{flag} {url}: give a base URL without a path");
        }

        var address = url.IsLoopback && url.HostNameType == UriHostNameType.Dns
            ? IPAddress.Loopback
            : IPAddress.TryParse(url.Host.Trim('[', ']'), out var parsed) ? parsed : null;
        if (address is null || !IPAddress.IsLoopback(address))
        {
            throw new EmulatorUsageException($"{flag} {url}: the emulators only bind loopback addresses (127.0.0.1, [::1], localhost)");
        }

        return new IPEndPoint(address, url.Port);
    }
}

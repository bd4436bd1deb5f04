using System.Net;
using System.Net.Sockets;

namespace Infra.Tests.Support;

/// <summary>A 127.0.0.1 port nothing listens on: connections to it are refused at once.</summary>
internal static class ClosedPort
{
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

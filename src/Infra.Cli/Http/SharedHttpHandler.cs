using System.Net;

namespace Infra.Cli.Http;

/// <summary>
/// The one pooled handler every client in the process sends through, so connections to Port and
/// Spacelift are reused across requests and clients (the guide's script opened one per request).
/// </summary>
internal static class SharedHttpHandler
{
    private static readonly Lazy<SocketsHttpHandler> Instance = new(() => new SocketsHttpHandler
    {
        MaxConnectionsPerServer = ClientOptions.MaxConcurrency,
        // Recycle pooled connections so a DNS change (failover, region move) is picked up.
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        AutomaticDecompression = DecompressionMethods.All,
        UseCookies = false,
    });

    public static HttpMessageHandler Value => Instance.Value;
}

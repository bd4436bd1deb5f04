namespace Infra.Port;

/// <summary>
/// Transport settings shared by both clients. <see cref="Handler"/> lets tests and benchmarks put a
/// handler under the client; <see cref="Insecure"/> allows plain http:// to a host other than loopback.
/// </summary>
public sealed record ClientOptions(
    int Concurrency = 8,
    int MaxRetries = 6,
    TimeSpan? RequestTimeout = null,
    bool Insecure = false,
    HttpMessageHandler? Handler = null,
    TimeProvider? Time = null);

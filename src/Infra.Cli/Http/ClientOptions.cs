namespace Infra.Cli.Http;

/// <summary>
/// Transport settings shared by both clients. <see cref="Handler"/> lets tests and benchmarks put a
/// handler under the client; <see cref="Insecure"/> allows plain http:// to a host other than loopback.
/// <see cref="Statistics"/> receives the clients' request and retry counters; pass the same object to
/// both clients to add them up, or one each to tell them apart. <see cref="Jitter"/> is the random
/// source (0 to 1) of the retry backoff's jitter; null means a shared random, tests pin it.
/// <see cref="MaxRetries"/> bounds the retries of one request, <see cref="RetryBudget"/> those of the
/// whole client (one run), whatever the number of requests (see <see cref="Http.RetryBudget"/>).
/// </summary>
public sealed record ClientOptions(
    int Concurrency = 8,
    int MaxRetries = 6,
    TimeSpan? RequestTimeout = null,
    bool Insecure = false,
    HttpMessageHandler? Handler = null,
    TimeProvider? Time = null,
    ClientStatistics? Statistics = null,
    Func<double>? Jitter = null,
    int RetryBudget = ClientOptions.DefaultRetryBudget)
{
    /// <summary>
    /// Failed attempts in a row (no answer in between) after which a client stops retrying: more than
    /// a blip that hits every request in flight at the usual concurrency, few enough that a service
    /// that is down costs a run a few dozen requests, not hundreds.
    /// </summary>
    public const int DefaultRetryBudget = 20;

    /// <summary>
    /// Retries of a connection that was refused, or never made (no route, no such host, connect
    /// timeout): nobody is listening, which a few quick tries confirm; retrying for half a minute
    /// would only delay the verdict.
    /// </summary>
    public const int ConnectRetries = 2;

    /// <summary>The shared pooled handler keeps this many connections per server; concurrency cannot exceed it.</summary>
    public const int MaxConcurrency = 64;

    public const int MaxRetryLimit = 20;

    /// <summary>How long one attempt may take when <see cref="RequestTimeout"/> is not set.</summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(30);

    internal TimeSpan EffectiveRequestTimeout => RequestTimeout ?? DefaultRequestTimeout;

    internal TimeProvider EffectiveTime => Time ?? TimeProvider.System;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Concurrency, 1, nameof(Concurrency));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Concurrency, MaxConcurrency, nameof(Concurrency));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetries, nameof(MaxRetries));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxRetries, MaxRetryLimit, nameof(MaxRetries));
        ArgumentOutOfRangeException.ThrowIfNegative(RetryBudget, nameof(RetryBudget));
        if (RequestTimeout is { } timeout)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero, nameof(RequestTimeout));
        }
    }
}

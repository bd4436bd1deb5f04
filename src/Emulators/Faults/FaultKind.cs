namespace Emulators.Faults;

/// <summary>What an injected fault does to a request.</summary>
public enum FaultKind
{
    /// <summary>HTTP 429 with <c>Retry-After</c> and <c>x-ratelimit-reset</c> (seconds).</summary>
    TooManyRequests,

    /// <summary>HTTP 500.</summary>
    InternalServerError,

    /// <summary>HTTP 502, as a proxy in front of the service would answer.</summary>
    BadGateway,

    /// <summary>HTTP 503.</summary>
    ServiceUnavailable,

    /// <summary>The connection is aborted without a response.</summary>
    Drop,

    /// <summary>The response is held back, then served normally.</summary>
    Slow,
}

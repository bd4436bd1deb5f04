namespace Infra.Cli.Http;

/// <summary>Why a request was sent again.</summary>
public enum RetryCause
{
    /// <summary>HTTP 429.</summary>
    RateLimited,

    /// <summary>HTTP 500, 502, 503 or 504.</summary>
    ServerError,

    /// <summary>The connection failed or dropped before an answer came (HttpRequestException).</summary>
    ConnectionFailed,

    /// <summary>No answer within the per-attempt timeout.</summary>
    Timeout,
}

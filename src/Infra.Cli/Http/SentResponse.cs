namespace Infra.Cli.Http;

/// <summary>
/// The final answer to a request after retries. <see cref="MayHaveLanded"/> is true when an earlier
/// attempt failed in a way that does not prove the server did nothing (a dropped connection, a
/// timeout, a 502/503/504), so a create may already exist and a delete may already be done.
/// <see cref="Attempts"/> says what it took, for messages about an answer that is still a failure.
/// </summary>
internal sealed record SentResponse(HttpResponseMessage Response, byte[] Body, bool MayHaveLanded, AttemptSummary Attempts) : IDisposable
{
    public void Dispose() => Response.Dispose();
}

using System.Net;
using System.Text.Json.Nodes;
using Infra.Cli.Http;

namespace Infra.Cli.Port;

/// <summary>
/// Port's final answer to a request: <see cref="Body"/> is null when the body is not a JSON object.
/// <see cref="AcceptedAfterRetry"/> marks a 409/404 taken as success (see <see cref="PortRequest.DoneIfLanded"/>).
/// <see cref="Attempts"/> says what it took to get this answer.
/// </summary>
internal sealed record PortAnswer(HttpStatusCode Status, JsonObject? Body, byte[] Raw, bool MayHaveLanded, AttemptSummary Attempts)
{
    public bool AcceptedAfterRetry { get; init; }

    public bool IsSuccess => (int)Status is >= 200 and <= 299;
}

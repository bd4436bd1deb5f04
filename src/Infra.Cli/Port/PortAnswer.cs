using System.Net;
using System.Text.Json.Nodes;

namespace Infra.Cli.Port;

/// <summary>
/// Port's final answer to a request: <see cref="Body"/> is null when the body is not a JSON object.
/// <see cref="AcceptedAfterRetry"/> marks a 409/404 taken as success (see <see cref="PortRequest.DoneIfLanded"/>).
/// </summary>
internal sealed record PortAnswer(HttpStatusCode Status, JsonObject? Body, byte[] Raw, bool MayHaveLanded)
{
    public bool AcceptedAfterRetry { get; init; }

    public bool IsSuccess => (int)Status is >= 200 and <= 299;
}

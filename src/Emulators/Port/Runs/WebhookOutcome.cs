using System.Text.Json.Nodes;

namespace Emulators.Port.Runs;

/// <summary>What a webhook invocation produced: the HTTP status and parsed body, or why it could not be sent.</summary>
internal sealed record WebhookOutcome(int? StatusCode, JsonNode? Response, string? Error, bool Synchronized)
{
    public bool Succeeded => Error is null && StatusCode is >= 200 and < 300;
}

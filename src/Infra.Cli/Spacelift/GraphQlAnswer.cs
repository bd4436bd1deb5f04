using System.Net;
using System.Text.Json.Nodes;

namespace Infra.Cli.Spacelift;

/// <summary>One GraphQL answer: its HTTP status, <c>data</c>, and the scrubbed text of each entry of <c>errors</c>.</summary>
internal sealed record GraphQlAnswer(HttpStatusCode Status, JsonNode? Data, IReadOnlyList<string> Errors)
{
    /// <summary>
    /// Spacelift refuses a token on mutations with an error whose text contains "unauthorized"
    /// (clients match on the text: there are no error codes); a 401 is possible behind a proxy.
    /// </summary>
    public bool IsUnauthorized => Status == HttpStatusCode.Unauthorized
        || Errors.Any(error => error.Contains("unauthorized", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Every error says "not found": what Spacelift answers some reads (and deletes) of an absent id
    /// instead of null. The Terraform provider matches the same lowercase text anywhere in the message
    /// (terraform-provider-spacelift <c>spacelift/internal/client.go</c>, PR #625, commit 8ef0647; its
    /// client reports the first error's message); every error must match here, so a real failure beside it
    /// is not taken for absence.
    /// </summary>
    public bool IsNotFound => Errors.Count > 0 && Errors.All(error => error.Contains("not found", StringComparison.Ordinal));

    public string ErrorText => string.Join("; ", Errors);
}

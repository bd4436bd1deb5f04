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

    public string ErrorText => string.Join("; ", Errors);
}

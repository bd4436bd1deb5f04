using System.Text.Json.Nodes;
using Infra.Cli.Http;

namespace Infra.Tests.Port.Support;

/// <summary>What a client sent, captured before the stub answered.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, string UserAgent, string? Body)
{
    public string Path => Uri.AbsolutePath;

    public JsonObject Json => JsonNode.Parse(Body ?? throw new InvalidOperationException("The request had no body."))!.AsObject();

    public int BodyBytes => Body is null ? 0 : System.Text.Encoding.UTF8.GetByteCount(Body);
}

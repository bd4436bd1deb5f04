using System.Net;
using Infra.Cli.Http;

namespace Infra.Cli.Port;

/// <summary>One call to Port: the route (relative, with its query), the body already serialised, and the secret values it carries.</summary>
internal sealed record PortRequest(HttpMethod Method, string Path, RequestKind Kind)
{
    public byte[]? Body { get; init; }

    /// <summary>Values in the body that must be scrubbed from anything Port answers.</summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    /// <summary>
    /// The status that means "already done" when an earlier attempt may have landed: 409 for a
    /// create, 404 for a delete.
    /// </summary>
    public HttpStatusCode? DoneIfLanded { get; init; }

    /// <summary>The path without its query, as messages show it.</summary>
    public string Route => "/" + (Path.IndexOf('?', StringComparison.Ordinal) is var query and >= 0 ? Path[..query] : Path);

    public override string ToString() => $"{Method.Method} {Route}";
}

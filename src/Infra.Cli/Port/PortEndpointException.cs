using System.Net;
using Infra.Cli.Config;
using Infra.Cli.Diagnostics;

namespace Infra.Cli.Port;

/// <summary>
/// The configured URL does not lead to Port's API: another server answered (its own 404 or login
/// page, an HTML page), the other service, or a path Port's routes cannot live under. A configuration
/// error, named by its key and variable, never a refused credential: the secrets may well be right.
/// </summary>
public sealed class PortEndpointException : PortApiException
{
    public const string WrongEndpoint = "wrong_endpoint";

    private PortEndpointException(HttpStatusCode status, string message)
        : base(status, WrongEndpoint, message)
    {
    }

    public override int ExitCode => ExitCodes.UsageOrConfig;

    /// <summary><paramref name="answered"/> says what came back, e.g. <c>POST /v1/auth/access_token: HTTP 404 '{"message":"Not Found"}'</c>.</summary>
    internal static PortEndpointException NotPort(Uri baseUrl, HttpStatusCode status, string answered) =>
        new(status, $"Port endpoint {baseUrl} did not answer as Port's API ({answered}): check {KnownKey.PortBaseUrl.Names}");

    /// <summary>Every route already starts with <c>v1/</c>, so a base URL ending in it sends everything to <c>/v1/v1/...</c>.</summary>
    internal static PortEndpointException VersionInPath(Uri baseUrl, Uri root) =>
        new(0, $"port:baseUrl {baseUrl} ends in /v1, which every Port route already starts with (requests would go to /v1/v1/...): set {KnownKey.PortBaseUrl.Names} to {root}");
}

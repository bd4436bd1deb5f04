using Infra.Cli.Config;

namespace Infra.Cli.Spacelift;

/// <summary>
/// The configured endpoint answered, but not as Spacelift's GraphQL API does (an HTML page, a 404, a
/// body of the wrong shape): a configuration error, named by its key and variable.
/// </summary>
public sealed class SpaceliftEndpointException(Uri endpoint, string detail, Exception? inner = null)
    : SpaceliftException($"Spacelift endpoint {endpoint} did not answer as Spacelift's GraphQL API ({detail}): check {KnownKey.SpaceliftEndpoint.Names}", inner)
{
    public override int ExitCode => Diagnostics.ExitCodes.UsageOrConfig;
}

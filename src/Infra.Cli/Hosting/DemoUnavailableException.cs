using Infra.Cli.Diagnostics;

namespace Infra.Cli.Hosting;

/// <summary>The demo's emulators could not start (their address is taken): one line saying what to do.</summary>
public sealed class DemoUnavailableException(string problem, string stackFile)
    : InfraException($"the demo cannot start: {problem}; stop what listens there (another demo run, perhaps), or move the demo by changing port:baseUrl and spacelift:apiKeyEndpoint in {Path.GetFileName(stackFile)}")
{
    public override int ExitCode => ExitCodes.UsageOrConfig;
}

using Infra.Diagnostics;

namespace Infra.Tests.Cli.Fakes;

/// <summary>Stands in for the engine's lock error: the command line only relies on its exit code.</summary>
internal sealed class StackLockedException() : InfraException("stack 'dev' is locked by pid 42 on ci-runner since 2026-11-28T00:00:00Z")
{
    public override int ExitCode => Infra.Diagnostics.ExitCodes.ConcurrentUpdate;
}

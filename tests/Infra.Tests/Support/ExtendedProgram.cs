using Infra.Sdk;

namespace Infra.Tests.Support;

/// <summary>A test program: another program's graph, changed by <paramref name="extend"/> (which may read too).</summary>
internal sealed class ExtendedProgram(IStackProgram inner, Func<ProgramContext, ResourceGraph, CancellationToken, Task<ResourceGraph>> extend) : IStackProgram
{
    public ExtendedProgram(IStackProgram inner, Func<ResourceGraph, ResourceGraph> extend)
        : this(inner, (_, graph, _) => Task.FromResult(extend(graph)))
    {
    }

    public async Task<ResourceGraph> DeclareAsync(ProgramContext context, CancellationToken cancellationToken)
        => await extend(context, await inner.DeclareAsync(context, cancellationToken), cancellationToken);
}

using Infra.Sdk.Spacelift;
using System.Runtime.CompilerServices;
using Infra.Sdk;
using Infra.Cli.Spacelift;

namespace Infra.Tests.Engine.Fakes;

/// <summary>Spacelift with a mutable stack list, paging, an injectable failure after N pages, and counted mints.</summary>
public sealed partial class FakeSpaceliftClient(TimeProvider time) : ISpaceliftClient
{
    public List<SpaceliftStack> Stacks { get; } = [];

    public int PageSize { get; init; } = 50;

    /// <summary>When set, the read throws <see cref="SpaceliftException"/> after this many pages.</summary>
    public int? FailAfterPages { get; set; }

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(10);

    public int Mints { get; private set; }

    /// <summary>The key is always good here; refused keys are tested against the emulator.</summary>
    public Task ProveKeyAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<SpaceliftToken> MintTokenAsync(CancellationToken cancellationToken)
    {
        Mints++;
        return Task.FromResult(new SpaceliftToken(new Secret($"eyJ.jwt-{Mints}.sig"), time.GetUtcNow() + TokenLifetime));
    }

    public async IAsyncEnumerable<IReadOnlyList<SpaceliftStack>> ListStacksAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        var pages = 0;
        foreach (var page in Stacks.Chunk(PageSize).ToList())
        {
            if (pages++ == FailAfterPages)
            {
                throw new SpaceliftException("searchStacks page 2 failed: GraphQL error 'internal error'");
            }

            yield return page;
        }

        if (pages == FailAfterPages)
        {
            throw new SpaceliftException("searchStacks failed: GraphQL error 'internal error'");
        }
    }
}

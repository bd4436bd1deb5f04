using System.Text.Json.Nodes;
using Infra.Cli.Decisions;
using Infra.Sdk;

namespace Infra.Tests.Decisions;

/// <summary>How both executors run a program's readings of live resources.</summary>
public sealed class LiveChecksTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ResourceAddress Lease = new(ResourceKind.Entity, "l", "lease");
    private static readonly ResourceAddress Token = new(ResourceKind.Secret, "T");

    [Fact]
    public void EachCheckSeesTheLiveBodiesItReadsInOrderAndTheTime()
    {
        IReadOnlyList<JsonObject?>? seen = null;
        DateTimeOffset? at = null;
        var graph = new ResourceGraph([], [])
        {
            Checks =
            [
                new LiveCheck([Lease, Token], (live, now) =>
                {
                    (seen, at) = (live, now);
                    return new Diagnostic(Severity.Warning, "stopped", Lease);
                }),
                new LiveCheck([Token], (_, _) => null),
            ],
        };
        var lease = new JsonObject { ["identifier"] = "l" };

        var diagnostics = LiveChecks.Run(graph, a => a == Lease ? lease : null, Now);

        Assert.Equal([new Diagnostic(Severity.Warning, "stopped", Lease)], diagnostics);
        Assert.Same(lease, seen![0]);
        Assert.Null(seen[1]);
        Assert.Equal(Now, at);
    }
}

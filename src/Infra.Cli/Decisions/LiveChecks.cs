using System.Text.Json.Nodes;
using Infra.Sdk;

namespace Infra.Cli.Decisions;

/// <summary>What the program's <see cref="LiveCheck"/>s say about Port as it is, for both executors.</summary>
public static class LiveChecks
{
    /// <param name="live">A declared resource's body as its service holds it (an entity's from its blueprint's entities), or null.</param>
    public static IReadOnlyList<Diagnostic> Run(ResourceGraph graph, Func<ResourceAddress, JsonObject?> live, DateTimeOffset now)
        => [.. graph.Checks.Select(c => c.Judge([.. c.Reads.Select(live)], now)).OfType<Diagnostic>()];
}

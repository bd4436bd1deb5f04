using System.Text.Json.Nodes;
using Infra.Cli.Http;
using Infra.Sdk.Spacelift;

namespace Infra.Cli.Spacelift;

/// <summary>
/// Reads the answers to <see cref="SpaceliftQueries.Spaces"/> and <see cref="SpaceliftQueries.StackRuns"/>
/// strictly: anything short of a well-formed answer is an exception, since a missing space or run would be
/// pruned. A null viewer means the token was not accepted (the caller mints another).
/// </summary>
internal static class CatalogueReader
{
    /// <summary>The spaces, or null when the token was not accepted.</summary>
    public static IReadOnlyList<SpaceliftSpace>? Spaces(GraphQlAnswer answer, string operation)
    {
        if (Data(answer, operation) is not { } data)
        {
            return null;
        }

        if (data["spaces"] is not JsonArray spaces)
        {
            throw new SpaceliftException($"Spacelift {operation}: the answer has no spaces list");
        }

        return [.. spaces.Select(node => Space(node, operation))];
    }

    /// <summary>One page of runs (empty after the last); <see cref="RunPage.Gone"/> when Spacelift has no such stack; null when the token was not accepted.</summary>
    public static RunPage? Runs(GraphQlAnswer answer, string operation, string stackId)
    {
        if (Data(answer, operation) is not { } data)
        {
            return null;
        }

        if (!data.TryGetPropertyValue("stack", out var stackNode))
        {
            throw new SpaceliftException($"Spacelift {operation}: the answer has no stack");
        }

        if (stackNode is null)
        {
            return RunPage.Gone;
        }

        if (stackNode["runs"] is not JsonArray runs)
        {
            throw new SpaceliftException($"Spacelift {operation}: the answer has no stack.runs list");
        }

        return new RunPage([.. runs.Select(node => Run(node, stackId, operation))], false);
    }

    /// <summary>The data, or null when the token was not accepted; GraphQL errors and a missing data object are exceptions.</summary>
    private static JsonObject? Data(GraphQlAnswer answer, string operation)
    {
        if (answer.IsUnauthorized)
        {
            return null;
        }

        if (answer.Errors.Count > 0)
        {
            throw new SpaceliftException($"Spacelift {operation}: {answer.ErrorText}");
        }

        if (answer.Data is not JsonObject data)
        {
            throw new SpaceliftException($"Spacelift {operation}: the answer has neither data nor errors");
        }

        return data["viewer"] is JsonObject ? data : null;
    }

    private static SpaceliftSpace Space(JsonNode? node, string operation)
    {
        if (node is not JsonObject space || JsonWire.String(space["id"]) is not { Length: > 0 } id)
        {
            throw new SpaceliftException($"Spacelift {operation}: a space in the answer has no id");
        }

        var labels = space["labels"] is JsonArray list ? list.Select(JsonWire.String).OfType<string>().ToArray() : [];
        return new SpaceliftSpace(
            id,
            JsonWire.String(space["name"]) ?? "",
            JsonWire.String(space["description"]) is { Length: > 0 } description ? description : null,
            JsonWire.String(space["parentSpace"]) is { Length: > 0 } parent ? parent : null,
            JsonWire.Boolean(space["inheritEntities"]) ?? false,
            labels);
    }

    private static SpaceliftRun Run(JsonNode? node, string stackId, string operation)
    {
        if (node is not JsonObject run || JsonWire.String(run["id"]) is not { Length: > 0 } id)
        {
            throw new SpaceliftException($"Spacelift {operation}: a run in the answer has no id");
        }

        // Without its creation time a run cannot be ordered or kept apart from a newer one: not a run to map.
        var createdAt = Seconds(run["createdAt"]) ?? throw new SpaceliftException($"Spacelift {operation}: run '{id}' has no createdAt");
        return new SpaceliftRun(
            id,
            stackId,
            JsonWire.String(run["type"]) ?? "",
            JsonWire.String(run["state"]) ?? "",
            JsonWire.String(run["branch"]) ?? "",
            createdAt,
            Seconds(run["updatedAt"]) ?? createdAt,
            JsonWire.String(run["triggeredBy"]) is { Length: > 0 } by ? by : null,
            JsonWire.Boolean(run["driftDetection"]) ?? false,
            run["commit"] is JsonObject commit
                ? new SpaceliftCommit(JsonWire.String(commit["hash"]), JsonWire.String(commit["message"]), JsonWire.String(commit["authorName"]), JsonWire.String(commit["authorLogin"]))
                : null,
            run["delta"] is JsonObject delta
                ? new SpaceliftDelta(Count(delta["addCount"]), Count(delta["changeCount"]), Count(delta["deleteCount"]), Count(delta["resources"]))
                : null);
    }

    // 9999-12-31T23:59:59Z, the last second DateTimeOffset can hold.
    private static DateTimeOffset? Seconds(JsonNode? node)
        => JsonWire.Number(node) is { } seconds && seconds is >= 0 and <= 253_402_300_799 ? DateTimeOffset.FromUnixTimeSeconds((long)seconds) : null;

    private static int Count(JsonNode? node) => JsonWire.Number(node) is { } n && n is >= 0 and <= int.MaxValue ? (int)n : 0;
}

/// <summary>One page of a stack's runs, or (<see cref="Gone"/>) word that Spacelift has no such stack.</summary>
internal sealed record RunPage(IReadOnlyList<SpaceliftRun> Runs, bool IsGone)
{
    public static RunPage Gone { get; } = new([], true);
}

using Infra.Sdk;
using Infra.Sdk.Spacelift;
using System.Text.Json.Nodes;
using Infra.Cli.Http;

namespace Infra.Cli.Spacelift;

/// <summary>
/// Reads one <c>searchStacks</c> answer strictly: anything short of a complete, well-formed page is
/// an exception, because a page taken for the whole list would make the engine prune live stacks.
/// </summary>
internal static class StackPageReader
{
    /// <summary>The page, or null when the answer shows the token was not accepted (401, "unauthorized", null viewer).</summary>
    public static StackPage? Read(GraphQlAnswer answer, string operation)
    {
        // errors before data: a partial data object next to an error is not a page.
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

        // An expired or unknown token gets empty data and no error; only the null viewer tells.
        if (data["viewer"] is not JsonObject)
        {
            return null;
        }

        if (data["searchStacks"] is not JsonObject search || search["edges"] is not JsonArray edges)
        {
            throw new SpaceliftException($"Spacelift {operation}: the answer has no searchStacks.edges list");
        }

        if (search["pageInfo"] is not JsonObject pageInfo || JsonWire.Boolean(pageInfo["hasNextPage"]) is not { } hasNextPage)
        {
            throw new SpaceliftException($"Spacelift {operation}: the answer has no pageInfo.hasNextPage");
        }

        var stacks = edges.Select(edge => Map(edge?["node"], operation)).ToArray();
        return new StackPage(stacks, hasNextPage, JsonWire.String(pageInfo["endCursor"]));
    }

    /// <summary>
    /// Null fields must not crash the read: the engine validates what it maps, so absent strings become
    /// "" and absent labels an empty list; a null description stays null. Only the id is required.
    /// </summary>
    private static SpaceliftStack Map(JsonNode? node, string operation)
    {
        if (node is not JsonObject stack || JsonWire.String(stack["id"]) is not { Length: > 0 } id)
        {
            throw new SpaceliftException($"Spacelift {operation}: a stack in the answer has no id");
        }

        var labels = stack["labels"] is JsonArray list ? list.Select(JsonWire.String).OfType<string>().ToArray() : [];
        return new SpaceliftStack(
            id,
            Text(stack["name"]),
            Text(stack["space"]),
            JsonWire.String(stack["description"]),
            labels,
            Text(stack["repository"]),
            Text(stack["state"]),
            Text(stack["provider"]),
            Text(stack["branch"]));
    }

    private static string Text(JsonNode? node) => JsonWire.String(node) ?? "";
}

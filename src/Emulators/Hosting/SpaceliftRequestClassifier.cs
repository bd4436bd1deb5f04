using System.Text.Json;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.AspNetCore.Http;

namespace Emulators.Hosting;

/// <summary>
/// Spacelift requests by group, read from the GraphQL body: <c>auth</c> (a mutation selecting
/// <c>apiKeyUser</c>), <c>mutation</c> (writes), <c>query</c> (reads, and anything unreadable).
/// The body is buffered so the GraphQL endpoint can read it again.
/// </summary>
public static class SpaceliftRequestClassifier
{
    private static readonly RequestClass Query = new("query", true);

    public static async Task<RequestClass> ClassifyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!HttpMethods.IsPost(request.Method))
        {
            return Query;
        }

        request.EnableBuffering();
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            var root = body.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("query", out var queryText) || queryText.ValueKind != JsonValueKind.String)
            {
                return Query;
            }

            var operationName = root.TryGetProperty("operationName", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null;
            return Classify(queryText.GetString() ?? "", operationName);
        }
        catch (JsonException)
        {
            return Query;
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    public static RequestClass Classify(string query, string? operationName)
    {
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(query);
        }
        catch (GraphQLSyntaxErrorException)
        {
            return Query;
        }

        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToArray();
        var operation = operationName is null
            ? operations.FirstOrDefault()
            : operations.FirstOrDefault(o => o.Name is not null && o.Name.Value.Span.SequenceEqual(operationName));
        if (operation is null || operation.Operation != OperationType.Mutation)
        {
            return Query;
        }

        var isAuth = operation.SelectionSet.Selections.OfType<GraphQLField>().Any(f => f.Name.Value.Span.SequenceEqual("apiKeyUser"));
        return new RequestClass(isAuth ? "auth" : "mutation", false);
    }
}

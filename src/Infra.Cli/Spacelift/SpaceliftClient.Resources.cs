using System.Text.Json.Nodes;
using Infra.Cli.Http;
using Infra.Sdk;

namespace Infra.Cli.Spacelift;

/// <summary>
/// The generic half of the client: Spacelift resources the program declares (named webhooks,
/// notification policies), read and written through the documents of their kind's descriptor.
/// </summary>
public sealed partial class SpaceliftClient
{
    public async Task<JsonObject?> GetResourceAsync(ResourceKind kind, string id, CancellationToken cancellationToken)
    {
        var documents = Documents(kind);
        var data = await SendAsync($"{documents.ReadField} {id}", documents.Read, new JsonObject { ["id"] = id }, RequestKind.Read, read: true, cancellationToken, notFoundIsDone: true).ConfigureAwait(false);
        return data[documents.ReadField] is JsonObject resource ? Shaped(documents, resource) : null;
    }

    public async Task<IReadOnlyList<JsonObject>> ListResourcesAsync(ResourceKind kind, CancellationToken cancellationToken)
    {
        var documents = Documents(kind);
        var all = new List<JsonObject>();
        var cursors = new HashSet<string>(StringComparer.Ordinal);
        string? after = null;
        for (var page = 1; page <= MaxPages; page++)
        {
            var operation = documents.ListPaged ? $"{documents.ListField} page {page}" : documents.ListField;
            var variables = documents.ListPaged ? new JsonObject { ["input"] = new JsonObject { ["first"] = SpaceliftQueries.PageSize, ["after"] = after } } : [];
            var data = await SendAsync(operation, documents.List, variables, RequestKind.Read, read: true, cancellationToken).ConfigureAwait(false);
            var list = documents.ListPaged ? data[documents.ListField]?["edges"] : data[documents.ListField];
            if (list is not JsonArray items)
            {
                throw new SpaceliftException($"Spacelift {operation}: the answer has no {documents.ListField}{(documents.ListPaged ? ".edges" : "")} list");
            }

            foreach (var item in items)
            {
                var resource = documents.ListPaged ? item?["node"] : item;
                all.Add(resource is JsonObject found ? Shaped(documents, found) : throw new SpaceliftException($"Spacelift {operation}: an item of the list is not an object"));
            }

            if (!documents.ListPaged)
            {
                return all;
            }

            var pageInfo = data[documents.ListField]?["pageInfo"];
            if (JsonWire.Boolean(pageInfo?["hasNextPage"]) is not { } hasNextPage)
            {
                throw new SpaceliftException($"Spacelift {operation}: the answer has no pageInfo.hasNextPage");
            }

            if (!hasNextPage)
            {
                return all;
            }

            after = JsonWire.String(pageInfo?["endCursor"]);
            // A cursor seen before would page forever; a partial list must not pass for a whole one.
            if (string.IsNullOrEmpty(after) || !cursors.Add(after))
            {
                throw new SpaceliftException($"Spacelift {operation}: hasNextPage is true but endCursor is {(string.IsNullOrEmpty(after) ? "empty" : "one already seen")}; the listing cannot continue");
            }
        }

        throw new SpaceliftException($"Spacelift {documents.ListField}: more than {MaxPages} pages; the paging never ended");
    }

    /// <summary>A resource as read, in its input shape: objects <c>{id}</c> flattened to the id.</summary>
    private static JsonObject Shaped(SpaceliftDocuments documents, JsonObject resource)
    {
        var copy = resource.DeepClone().AsObject();
        foreach (var field in documents.ObjectIdFields)
        {
            if (copy[field] is JsonObject holder)
            {
                copy[field] = JsonWire.String(holder["id"]);
            }
        }

        return copy;
    }

    public async Task<string> CreateResourceAsync(ResourceKind kind, JsonObject input, Secret? secret, CancellationToken cancellationToken)
    {
        var documents = Documents(kind);
        var data = await SendAsync($"{documents.CreateField} {JsonWire.String(input[kind.IdentifierField])}", documents.Create, new JsonObject { ["input"] = WithSecret(kind, input, secret) }, RequestKind.Write, read: false, cancellationToken).ConfigureAwait(false);
        return JsonWire.String(data[documents.CreateField]?["id"])
            ?? throw new SpaceliftException($"Spacelift {documents.CreateField}: the answer carries no id");
    }

    public async Task UpdateResourceAsync(ResourceKind kind, string id, JsonObject input, Secret? secret, CancellationToken cancellationToken)
    {
        var documents = Documents(kind);
        var sent = input.DeepClone().AsObject();
        foreach (var field in documents.NotUpdatable)
        {
            sent.Remove(field);
        }

        var data = await SendAsync($"{documents.UpdateField} {id}", documents.Update, new JsonObject { ["id"] = id, ["input"] = WithSecret(kind, sent, secret) }, RequestKind.Write, read: false, cancellationToken).ConfigureAwait(false);
        if (data[documents.UpdateField] is not JsonObject)
        {
            throw new SpaceliftException($"Spacelift {documents.UpdateField} {id}: the answer carries no {kind}");
        }
    }

    /// <summary>
    /// Null in the answer, or a "not found" error, means it was gone already: done either way (the
    /// Terraform provider treats "not found" on delete the same way since its PR #719, commit 44a68c7).
    /// </summary>
    public async Task DeleteResourceAsync(ResourceKind kind, string id, CancellationToken cancellationToken)
    {
        var documents = Documents(kind);
        await SendAsync($"{documents.DeleteField} {id}", documents.Delete, new JsonObject { ["id"] = id }, RequestKind.Write, read: false, cancellationToken, notFoundIsDone: true).ConfigureAwait(false);
    }

    private static SpaceliftDocuments Documents(ResourceKind kind) => SpaceliftDocuments.For(kind);

    /// <summary>The input with the write-only secret in its field; the only place its clear text enters a body.</summary>
    private JsonObject WithSecret(ResourceKind kind, JsonObject input, Secret? secret)
    {
        if (secret is null)
        {
            return input;
        }

        var field = kind.SharedSecret?.Path is [var single] ? single : throw new ArgumentException($"a {kind} has no top-level secret field", nameof(secret));
        _scrubber.Add(secret.Reveal());
        var copy = input.DeepClone().AsObject();
        copy[field] = secret.Reveal();
        return copy;
    }

    /// <summary>
    /// One document with the held token; a token Spacelift stops accepting (unauthorized, or a read's
    /// null viewer) is renewed once. Refused again, a read means the key is not accepted and a write
    /// that the key may not do this (Spacelift says "unauthorized" for both). With
    /// <paramref name="notFoundIsDone"/>, an answer whose errors all say "not found" is the data as it
    /// came (the resource's field null or missing): Spacelift answers some reads of an absent id that way
    /// (<see cref="GraphQlAnswer.IsNotFound"/>). A read still needs its viewer, so a logged-out "not found"
    /// renews the token rather than reading as absent.
    /// </summary>
    private async Task<JsonObject> SendAsync(
        string operation, string document, JsonObject variables, RequestKind kind, bool read, CancellationToken cancellationToken, bool notFoundIsDone = false)
    {
        var reminted = false;
        while (true)
        {
            var token = await _tokens.GetAsync(cancellationToken).ConfigureAwait(false);
            // A copy per attempt: a JSON node can belong to one request body only.
            var answer = await _connection.ExecuteAsync(operation, document, variables.DeepClone().AsObject(), token.Jwt.Reveal(), kind, cancellationToken).ConfigureAwait(false);
            var notFound = notFoundIsDone && answer.IsNotFound;
            var refused = answer.IsUnauthorized
                || (read && (answer.Errors.Count == 0 || notFound) && (answer.Data as JsonObject)?["viewer"] is not JsonObject);
            if (!refused)
            {
                if (notFound)
                {
                    return answer.Data as JsonObject ?? [];
                }

                if (answer.Errors.Count > 0)
                {
                    throw new SpaceliftException($"Spacelift {operation}: {answer.ErrorText}");
                }

                return answer.Data as JsonObject ?? throw new SpaceliftException($"Spacelift {operation}: the answer has neither data nor errors");
            }

            if (reminted)
            {
                throw read
                    ? SpaceliftAuthenticationException.TokenRejected(operation, _settings.ApiKeyId)
                    : new SpaceliftException($"Spacelift {operation}: {(answer.Errors.Count > 0 ? answer.ErrorText : "unauthorized")}; live updates need an admin API key (allowed to manage webhooks and policies) in the space");
            }

            reminted = true;
            Statistics.CountTokenRefresh();
            await _tokens.RenewAsync(token, cancellationToken).ConfigureAwait(false);
        }
    }
}

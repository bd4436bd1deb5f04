using System.Net;
using System.Text.Json.Nodes;
using Infra.Cli.Config;
using Infra.Sdk;
using Infra.Cli.Http;

namespace Infra.Cli.Port;

/// <summary>
/// Port's REST API over one pooled connection. Each method checks its arguments and makes one call
/// through <see cref="PortConnection"/>; the entity methods (the other part of this class) batch.
/// </summary>
public sealed partial class PortClient : IPortClient
{
    private readonly PortConnection _connection;
    private readonly int _concurrency;

    private PortClient(PortConnection connection, ClientStatistics statistics, int concurrency)
    {
        _connection = connection;
        Statistics = statistics;
        _concurrency = concurrency;
    }

    /// <summary>Request, retry and pacing counters (<see cref="ClientOptions.Statistics"/> when given).</summary>
    public ClientStatistics Statistics { get; }

    public static IPortClient Create(PortSettings settings, ClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var statistics = options.Statistics ?? new ClientStatistics();
        var connection = new PortConnection(settings, new ResilientSender(options, statistics, "Port"), statistics, options.EffectiveTime);
        return new PortClient(connection, statistics, options.Concurrency);
    }

    public Task<JsonObject?> GetAsync(ResourceKind kind, string identifier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(identifier);
        return GetAsync(PortUrls.Item(kind, identifier), PortRoutes.For(kind).EnvelopeKey, cancellationToken);
    }

    public Task CreateAsync(ResourceKind kind, JsonObject body, Secret? value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(body);
        if (kind.HasWriteOnlyValue && value is null)
        {
            throw new ArgumentException($"creating a {kind} needs its value", nameof(value));
        }

        if (kind.LivesIn is not null)
        {
            throw new ArgumentException($"a {kind} is created with its {kind.LivesIn}: update it instead", nameof(kind));
        }

        var request = CreateRequest(PortUrls.Collection(kind), WithValue(kind, body, value));
        return WriteAsync(value is null ? request : request with { Secrets = [value.Reveal()] }, PortRoutes.For(kind).EnvelopeKey, cancellationToken);
    }

    public Task UpdateAsync(ResourceKind kind, string identifier, JsonObject body, Secret? value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(identifier);
        ArgumentNullException.ThrowIfNull(body);
        var route = PortRoutes.For(kind);
        var sent = body;
        if (route.UpdateMethod == HttpMethod.Patch)
        {
            // PATCH takes only the fields to change; Port rejects the identifier in this body.
            sent = body.DeepClone().AsObject();
            sent.Remove(kind.IdentifierField);
            if (sent.Count == 0 && value is null)
            {
                throw new ArgumentException($"A {kind} update needs a value or a field to change.", nameof(value));
            }
        }

        var request = WriteRequest(route.UpdateMethod, PortUrls.Item(kind, identifier), WithValue(kind, sent, value));
        return WriteAsync(value is null ? request : request with { Secrets = [value.Reveal()] }, route.EnvelopeKey, cancellationToken);
    }

    public Task PatchAsync(ResourceKind kind, string identifier, JsonObject body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(identifier);
        ArgumentNullException.ThrowIfNull(body);
        var sent = body.DeepClone().AsObject();
        sent.Remove(kind.IdentifierField);
        if (sent.Count == 0)
        {
            throw new ArgumentException($"A {kind} patch needs a field to change.", nameof(body));
        }

        return WriteAsync(WriteRequest(HttpMethod.Patch, PortUrls.Item(kind, identifier), sent), PortRoutes.For(kind).EnvelopeKey, cancellationToken);
    }

    public async Task<IReadOnlyList<JsonObject>> SearchEntitiesAsync(JsonObject query, IReadOnlyList<string> include, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(include);
        var request = new PortRequest(HttpMethod.Post, PortUrls.GlobalEntitySearch(include), RequestKind.Read) { Body = JsonWire.ToUtf8(query) };
        var answer = await _connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = _connection.EnsureSuccess(request, answer);
        if (body["entities"] is not JsonArray entities || entities.Any(e => e is not JsonObject))
        {
            throw _connection.Protocol(request, answer, "Port's answer has no \"entities\" list of objects");
        }

        return [.. entities.Select(e => e!.DeepClone().AsObject())];
    }

    public Task DeleteAsync(ResourceKind kind, string identifier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(identifier);
        if (kind.LivesIn is not null)
        {
            throw new ArgumentException($"a {kind} goes with its {kind.LivesIn}: Port has no route to delete it alone", nameof(kind));
        }

        return WriteAsync(DeleteRequest(PortUrls.Item(kind, identifier)), key: null, cancellationToken);
    }

    /// <summary>The body with the write-only value in the kind's value field; the only place a secret's clear text enters a body.</summary>
    private static JsonObject WithValue(ResourceKind kind, JsonObject body, Secret? value)
    {
        if (value is null)
        {
            return body;
        }

        var field = kind.WriteOnlyValueField ?? throw new ArgumentException($"a {kind} has no write-only value", nameof(value));
        var copy = body.DeepClone().AsObject();
        copy.Remove(field);
        // Right after the identifier (first in a PATCH, which has none), where Port's own examples put it.
        copy.Insert(copy.ContainsKey(kind.IdentifierField) ? copy.IndexOf(kind.IdentifierField) + 1 : 0, field, value.Reveal());
        return copy;
    }

    private static PortRequest WriteRequest(HttpMethod method, string path, JsonObject body) =>
        new(method, path, RequestKind.Write) { Body = JsonWire.ToUtf8(body) };

    private static PortRequest CreateRequest(string path, JsonObject body) =>
        WriteRequest(HttpMethod.Post, path, body) with { DoneIfLanded = HttpStatusCode.Conflict };

    private static PortRequest DeleteRequest(string path) =>
        new(HttpMethod.Delete, path, RequestKind.Write) { DoneIfLanded = HttpStatusCode.NotFound };

    private async Task<JsonObject?> GetAsync(string path, string key, CancellationToken cancellationToken)
    {
        var request = new PortRequest(HttpMethod.Get, path, RequestKind.Read);
        var answer = await _connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (IsPortNotFound(answer))
        {
            return null;
        }

        var body = _connection.EnsureSuccess(request, answer);
        return _connection.Resource(request, answer, body, key);
    }

    /// <summary>
    /// Only Port's own not-found envelope means "absent": a bare 404 (a wrong base URL, a proxy) must
    /// not make the engine believe nothing exists and create everything again.
    /// </summary>
    private static bool IsPortNotFound(PortAnswer answer) =>
        answer.Status == HttpStatusCode.NotFound && JsonWire.String(answer.Body?["error"]) is not null;

    private async Task WriteAsync(PortRequest request, string? key, CancellationToken cancellationToken)
    {
        var answer = await _connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = _connection.EnsureSuccess(request, answer);
        if (key is not null && !answer.AcceptedAfterRetry)
        {
            _connection.Resource(request, answer, body, key);
        }
    }
}

using System.Net;
using System.Text.Json.Nodes;
using Infra.Config;
using Infra.Model;
using Infra.Port.Http;

namespace Infra.Port;

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
        var connection = new PortConnection(settings, new ResilientSender(options, statistics), statistics, options.EffectiveTime);
        return new PortClient(connection, statistics, options.Concurrency);
    }

    public Task<JsonObject?> GetBlueprintAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(identifier);
        return GetAsync(PortUrls.Blueprint(identifier), "blueprint", cancellationToken);
    }

    public Task CreateBlueprintAsync(JsonObject blueprint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blueprint);
        return WriteAsync(CreateRequest(PortUrls.Blueprints, blueprint), "blueprint", cancellationToken);
    }

    public Task ReplaceBlueprintAsync(string identifier, JsonObject blueprint, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(identifier);
        ArgumentNullException.ThrowIfNull(blueprint);
        return WriteAsync(WriteRequest(HttpMethod.Put, PortUrls.Blueprint(identifier), blueprint), "blueprint", cancellationToken);
    }

    public Task DeleteBlueprintAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(identifier);
        return WriteAsync(DeleteRequest(PortUrls.Blueprint(identifier)), key: null, cancellationToken);
    }

    public Task<JsonObject?> GetActionAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(identifier);
        return GetAsync(PortUrls.Action(identifier), "action", cancellationToken);
    }

    public Task CreateActionAsync(JsonObject action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        return WriteAsync(CreateRequest(PortUrls.Actions, action), "action", cancellationToken);
    }

    public Task ReplaceActionAsync(string identifier, JsonObject action, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(identifier);
        ArgumentNullException.ThrowIfNull(action);
        return WriteAsync(WriteRequest(HttpMethod.Put, PortUrls.Action(identifier), action), "action", cancellationToken);
    }

    public Task DeleteActionAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(identifier);
        return WriteAsync(DeleteRequest(PortUrls.Action(identifier)), key: null, cancellationToken);
    }

    public Task<JsonObject?> GetSecretAsync(string secretName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secretName);
        return GetAsync(PortUrls.Secret(secretName), "secret", cancellationToken);
    }

    public Task CreateSecretAsync(string secretName, Secret value, string? description, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secretName);
        ArgumentNullException.ThrowIfNull(value);
        var body = new JsonObject { ["secretName"] = secretName, ["secretValue"] = value.Reveal() };
        if (description is not null)
        {
            body["description"] = description;
        }

        return WriteAsync(CreateRequest(PortUrls.Secrets, body) with { Secrets = [value.Reveal()] }, "secret", cancellationToken);
    }

    public Task UpdateSecretAsync(string secretName, Secret? value, string? description, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secretName);
        if (value is null && description is null)
        {
            throw new ArgumentException("A secret update needs a value or a description.", nameof(value));
        }

        // PATCH takes only the fields to change; Port rejects secretName in this body.
        var body = new JsonObject();
        if (value is not null)
        {
            body["secretValue"] = value.Reveal();
        }

        if (description is not null)
        {
            body["description"] = description;
        }

        var request = WriteRequest(HttpMethod.Patch, PortUrls.Secret(secretName), body) with { Secrets = value is null ? [] : [value.Reveal()] };
        return WriteAsync(request, "secret", cancellationToken);
    }

    public Task DeleteSecretAsync(string secretName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secretName);
        return WriteAsync(DeleteRequest(PortUrls.Secret(secretName)), key: null, cancellationToken);
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

using System.Net;
using System.Text.Json.Nodes;
using Infra.Cli.Config;
using Infra.Cli.Port;
using Infra.Cli.Http;

namespace Infra.Cli.Verify;

/// <summary>
/// The part of Port's public API a user clicking the buttons goes through: read an action and its permissions, execute it,
/// read its runs and their logs, read a secret's metadata. Two connections: reads retry as every Port
/// read does, while executions are never retried, because a retry after a lost answer could start a
/// second run (and, for the trigger, a second Spacelift run).
/// </summary>
internal sealed partial class PortActionRuns
{
    private readonly PortConnection _reads;
    private readonly PortConnection _executions;

    public PortActionRuns(PortSettings settings, ClientOptions options)
    {
        var statistics = options.Statistics ?? new ClientStatistics();
        _reads = new PortConnection(settings, new ResilientSender(options, statistics), statistics, options.EffectiveTime);
        var once = options with { MaxRetries = 0 };
        _executions = new PortConnection(settings, new ResilientSender(once, statistics), statistics, options.EffectiveTime);
        BaseUrl = new Uri(settings.BaseUrl.AbsoluteUri.TrimEnd('/') + "/");
    }

    public Uri BaseUrl { get; }

    /// <summary>The run in Port's API; the UI lists the same run under the action's run history.</summary>
    public Uri RunUrl(string runId) => new(BaseUrl, RunPath(runId));

    /// <summary>The action or automation, or null when Port has none by that identifier.</summary>
    public Task<JsonObject?> GetActionAsync(string identifier, CancellationToken cancellationToken)
        => GetOrNullAsync($"v1/actions/{Escape(identifier)}", "action", cancellationToken);

    /// <summary>
    /// <c>GET /v1/actions/{id}/permissions</c>: who may execute and approve the action (<c>execute</c>,
    /// <c>approve</c>), or null when Port has no such action.
    /// </summary>
    public Task<JsonObject?> GetPermissionsAsync(string action, CancellationToken cancellationToken)
        => GetOrNullAsync($"v1/actions/{Escape(action)}/permissions", "permissions", cancellationToken);

    /// <summary>The secret's metadata (never its value), or null when Port has no such secret.</summary>
    public Task<JsonObject?> GetSecretAsync(string name, CancellationToken cancellationToken)
        => GetOrNullAsync($"v1/organization/secrets/{Escape(name)}", "secret", cancellationToken);

    /// <summary><c>POST /v1/actions/{id}/runs</c>: Port answers 202 with the new run.</summary>
    public async Task<JsonObject> ExecuteAsync(string action, JsonObject properties, CancellationToken cancellationToken)
    {
        var request = new PortRequest(HttpMethod.Post, $"v1/actions/{Escape(action)}/runs", RequestKind.Write)
        {
            Body = JsonWire.ToUtf8(new JsonObject { ["properties"] = properties }),
        };
        var answer = await _executions.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = _executions.EnsureSuccess(request, answer);
        return _executions.Resource(request, answer, body, "run");
    }

    public async Task<JsonObject> GetRunAsync(string runId, CancellationToken cancellationToken)
    {
        var request = new PortRequest(HttpMethod.Get, RunPath(runId) + "?version=v2", RequestKind.Read);
        var answer = await _reads.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return _reads.Resource(request, answer, _reads.EnsureSuccess(request, answer), "run");
    }

    /// <summary>The runs of one action or automation (Port lists them newest first).</summary>
    public async Task<IReadOnlyList<JsonObject>> ListRunsAsync(string action, CancellationToken cancellationToken)
    {
        var request = new PortRequest(HttpMethod.Get, $"v1/actions/runs?version=v2&action={Escape(action)}", RequestKind.Read);
        var answer = await _reads.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = _reads.EnsureSuccess(request, answer);
        return body["runs"] is JsonArray runs
            ? [.. runs.OfType<JsonObject>()]
            : throw _reads.Protocol(request, answer, "Port's answer has no \"runs\" array");
    }

    /// <summary>The run's log messages, oldest first (Port's first page of 50 is enough for a verdict).</summary>
    public async Task<IReadOnlyList<string>> GetLogsAsync(string runId, CancellationToken cancellationToken)
    {
        var request = new PortRequest(HttpMethod.Get, RunPath(runId) + "/logs?limit=50", RequestKind.Read);
        var answer = await _reads.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = _reads.EnsureSuccess(request, answer);
        return body["runLogs"] is JsonArray logs
            ? [.. logs.Select(l => JsonWire.String(l?["message"])).OfType<string>()]
            : [];
    }

    private async Task<JsonObject?> GetOrNullAsync(string path, string key, CancellationToken cancellationToken)
    {
        var request = new PortRequest(HttpMethod.Get, path, RequestKind.Read);
        var answer = await _reads.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (answer.Status == HttpStatusCode.NotFound)
        {
            return null;
        }

        return _reads.Resource(request, answer, _reads.EnsureSuccess(request, answer), key);
    }

    private static string RunPath(string runId) => $"v1/actions/runs/{Escape(runId)}";

    private static string Escape(string value) => Uri.EscapeDataString(value);
}

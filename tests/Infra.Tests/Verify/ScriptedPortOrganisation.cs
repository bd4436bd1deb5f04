using System.Net;
using System.Text.Json.Nodes;
using Infra.Cli.Config;
using Infra.Cli.Http;
using Infra.Sdk;
using Infra.Stacks;
using Infra.Tests.Port.Support;
using Infra.Tests.Support;
using Infra.Cli.Verify;

namespace Infra.Tests.Verify;

/// <summary>
/// Port at the HTTP level, as far as <see cref="IntegrationVerifier"/> goes: both actions and the
/// automation, their permissions, the refresh that mints a JWT and the automation run that rewrites the
/// token, and a trigger whose run status each read takes from <see cref="TriggerStatuses"/> (the last one
/// repeats). It gives answers the emulator cannot be made to give (a run that turns WAITING_FOR_APPROVAL
/// only while it is read, permissions no `up` writes) and exact counts of the reads. Real HTTP client,
/// instant clock, so a loop that does not end shows as a count.
/// </summary>
internal sealed class ScriptedPortOrganisation
{
    public const string TriggerRun = "r_trigger";

    private static readonly ResourceNames Names = ResourceNames.Guide;
    private readonly InstantTimeProvider _clock = new();
    private bool _refreshed;
    private int _triggerReads;

    public ScriptedPortOrganisation(IntegrationInputs? inputs = null)
    {
        Inputs = inputs ?? GoldenDeclaration.Inputs;
        Targets = VerifyTargets.From(Infra.Stacks.SpaceliftIntegration.Declare(Inputs, []));
        // What `up` leaves: every declared action and permissions body, as Port answers them.
        foreach (var resource in Infra.Stacks.SpaceliftIntegration.Declare(Inputs, []).All)
        {
            if (resource.Address.Kind == ResourceKind.Action || resource.Address.Kind == ResourceKind.Automation)
            {
                Actions[resource.Address.Id] = (JsonObject)resource.Body.DeepClone();
            }
            else if (resource.Address.Kind == ResourceKind.ActionPermissions)
            {
                var body = (JsonObject)resource.Body.DeepClone();
                body.Remove("actionIdentifier");
                Permissions[resource.Address.Id] = body;
            }
        }

        Handler = new StubHttpMessageHandler(Answer);
    }

    public IntegrationInputs Inputs { get; }

    public VerifyTargets Targets { get; }

    public DeclaredPermissions Declared => Targets.Declared;

    public Dictionary<string, JsonObject> Actions { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, JsonObject> Permissions { get; } = new(StringComparer.Ordinal);

    /// <summary>The trigger run's status: on the POST's answer first, then on each read.</summary>
    public IReadOnlyList<string> TriggerStatuses { get; set; } = ["WAITING_FOR_APPROVAL"];

    public StubHttpMessageHandler Handler { get; }

    /// <summary>How many times the trigger's run was read after it was created.</summary>
    public int TriggerReads => _triggerReads;

    public Task<VerifyReport> VerifyAsync(string? trigger, LiveStateTarget? live = null, DeclaredPermissions? declared = null)
    {
        var options = new VerifyOptions(trigger, TimeSpan.FromSeconds(120), TimeSpan.FromMilliseconds(500));
        var port = new PortActionRuns(
            new PortSettings(new Uri("https://api.port.io"), "client", new Secret("port-secret")),
            new ClientOptions(Handler: Handler, Time: _clock, RequestTimeout: TimeSpan.FromMinutes(5)));
        var verifier = new IntegrationVerifier(port, options, _clock, new Uri("https://acme.app.spacelift.io"), new SecretMasker(), _ => { }, Targets with { Live = live, Declared = declared ?? Declared });
        return verifier.RunAsync("dev", CancellationToken.None);
    }

    private HttpResponseMessage Answer(RecordedRequest request)
    {
        var path = request.Path;
        if (path.EndsWith("/auth/access_token", StringComparison.Ordinal))
        {
            return Answers.PortToken("port-token");
        }

        if (request.Method == HttpMethod.Post && path == $"/v1/actions/{Names.RefreshAction}/runs")
        {
            _refreshed = true;
            return Run(RefreshRun());
        }

        if (request.Method == HttpMethod.Post && path == $"/v1/actions/{Names.TriggerAction}/runs")
        {
            return Run(TriggerRunBody(TriggerStatuses[0]));
        }

        if (path == "/v1/actions/runs" && request.Uri.Query.Contains(Names.TokenAutomation, StringComparison.Ordinal))
        {
            JsonArray runs = _refreshed ? [new JsonObject { ["id"] = "r_automation", ["status"] = "SUCCESS" }] : [];
            return Answers.Ok(new JsonObject { ["ok"] = true, ["runs"] = runs }.ToJsonString());
        }

        if (path.EndsWith("/logs", StringComparison.Ordinal))
        {
            return Answers.Ok("""{"ok":true,"runLogs":[]}""");
        }

        if (path == $"/v1/actions/runs/{TriggerRun}")
        {
            _triggerReads++;
            return Run(TriggerRunBody(TriggerStatuses[Math.Min(_triggerReads, TriggerStatuses.Count - 1)]));
        }

        if (path == "/v1/actions/runs/r_refresh")
        {
            return Run(RefreshRun());
        }

        if (path == $"/v1/organization/secrets/{Names.TokenSecret}")
        {
            var updatedAt = _refreshed ? "2026-11-28T12:00:05.000Z" : "2026-11-28T11:00:00.000Z";
            return Answers.Ok(new JsonObject { ["ok"] = true, ["secret"] = new JsonObject { ["secretName"] = Names.TokenSecret, ["updatedAt"] = updatedAt } }.ToJsonString());
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments is ["v1", "actions", var id, "permissions"] && Permissions.TryGetValue(id, out var permissions))
        {
            return Answers.Ok(new JsonObject { ["ok"] = true, ["permissions"] = permissions.DeepClone() }.ToJsonString());
        }

        if (segments is ["v1", "actions", var identifier] && Actions.TryGetValue(identifier, out var action))
        {
            return Answers.Ok(new JsonObject { ["ok"] = true, ["action"] = action.DeepClone() }.ToJsonString());
        }

        return Answers.PortError(HttpStatusCode.NotFound, "not_found", path);
    }

    private static HttpResponseMessage Run(JsonObject run)
        => Answers.Json(HttpStatusCode.Accepted, new JsonObject { ["ok"] = true, ["run"] = run }.ToJsonString());

    private static JsonObject RefreshRun() => new()
    {
        ["id"] = "r_refresh",
        ["status"] = "SUCCESS",
        ["response"] = new JsonObject { ["data"] = new JsonObject { ["apiKeyUser"] = new JsonObject { ["jwt"] = "jwt-1" } } },
    };

    private static JsonObject TriggerRunBody(string status) => new()
    {
        ["id"] = TriggerRun,
        ["status"] = status,
        ["createdAt"] = "2026-11-28T12:00:06.000Z",
        ["response"] = status == "SUCCESS" ? new JsonObject { ["data"] = new JsonObject { ["runTrigger"] = new JsonObject { ["id"] = "01SPACELIFTRUN" } } } : null,
    };
}

using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Emulators.Port.Http;

namespace Emulators.Port.Runs;

/// <summary>
/// Run lifecycle: create (RUN_CREATED), execute the WEBHOOK or UPSERT_ENTITY invocation in the background,
/// record the result (RUN_UPDATED). Every change is published to the automation dispatcher.
/// </summary>
internal sealed class RunService(PortContext context, WebhookInvoker webhooks, UpsertEntityInvoker upserts, BackgroundWork background)
{
    private Organisation Organisation => context.Organisation;

    /// <summary>
    /// Creates a run (under the caller's lock) and returns it; <see cref="Start"/> executes it. With
    /// <paramref name="runAs"/> (Port's <c>run_as</c>) that user is the run's author and the organisation's
    /// credentials are recorded as <c>impersonatedBy</c>.
    /// </summary>
    public RunRecord Create(JsonObject action, string source, JsonObject properties, JsonObject? entity, int depth, string? runAs = null)
    {
        var id = "r_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var identifier = action["identifier"]!.GetValue<string>();
        var now = Organisation.Now();
        var waits = NeedsApproval(action);
        var author = runAs ?? Organisation.Actor;
        var run = new JsonObject
        {
            ["id"] = id,
            ["status"] = waits ? RunStatus.WaitingForApproval : RunStatus.InProgress,
            ["statusLabel"] = null,
            ["link"] = new JsonArray(),
            ["summary"] = null,
            ["externalRunId"] = null,
            // As the action declares it (true, or {type: ANY|ALL}), which is what the run schema allows.
            ["requiredApproval"] = waits ? action["requiredApproval"]!.DeepClone() : false,
            ["approval"] = null,
            ["source"] = source,
            ["action"] = new JsonObject
            {
                ["identifier"] = identifier, ["title"] = action["title"]?.DeepClone(), ["icon"] = action["icon"]?.DeepClone(), ["deleted"] = false,
            },
            ["blueprint"] = action["trigger"]?["blueprintIdentifier"] is { } blueprint ? new JsonObject { ["identifier"] = blueprint.DeepClone() } : null,
            ["entity"] = entity is null ? null : new JsonObject { ["identifier"] = entity["identifier"]?.DeepClone(), ["title"] = entity["title"]?.DeepClone() },
            ["properties"] = properties.DeepClone(),
            ["response"] = null,
            ["endedAt"] = null,
            ["createdAt"] = now,
            ["createdBy"] = author,
            ["impersonatedBy"] = runAs is null ? null : Organisation.Actor,
            ["updatedAt"] = now,
            ["updatedBy"] = author,
        };
        var record = new RunRecord(id, identifier, run, depth);
        Organisation.Runs[id] = record;
        return record;
    }

    /// <summary><c>requiredApproval</c> true, <c>{type: ANY}</c> or <c>{type: ALL}</c>.</summary>
    public static bool NeedsApproval(JsonObject action)
        => action["requiredApproval"] is JsonObject || (action["requiredApproval"] is JsonValue flag && flag.GetValueKind() == System.Text.Json.JsonValueKind.True);

    /// <summary>
    /// Publishes RUN_CREATED and executes the run in the background; a run waiting for approval keeps
    /// what it would send until <see cref="Resume"/>.
    /// </summary>
    public void Start(RunRecord record, JsonObject action, JsonObject templateContext)
    {
        JsonObject created;
        lock (Organisation.Gate)
        {
            created = (JsonObject)record.Run.DeepClone();
            if (created["status"]!.GetValue<string>() == RunStatus.WaitingForApproval)
            {
                record.Pending = (action, templateContext);
            }
        }

        context.Automations.RunChanged(record, null, created);
        if (created["status"]!.GetValue<string>() == RunStatus.WaitingForApproval)
        {
            return;
        }

        background.Start(() => ExecuteAsync(record, action, templateContext));
    }

    /// <summary>Executes an approved run with what it kept when it was created (once: the invocation is then forgotten).</summary>
    public void Resume(RunRecord record)
    {
        (JsonObject Action, JsonObject TemplateContext)? pending;
        lock (Organisation.Gate)
        {
            pending = record.Pending;
            record.Pending = null;
        }

        if (pending is var (action, templateContext))
        {
            background.Start(() => ExecuteAsync(record, action, templateContext));
        }
    }

    /// <summary>Applies a change (status, label, response, ...) and publishes RUN_UPDATED.</summary>
    public JsonObject Update(RunRecord record, Action<JsonObject> change)
    {
        JsonObject before;
        JsonObject after;
        lock (Organisation.Gate)
        {
            before = (JsonObject)record.Run.DeepClone();
            var run = (JsonObject)record.Run.DeepClone();
            change(run);
            var now = Organisation.Now();
            run["updatedAt"] = now;
            if (RunStatus.IsFinal(run["status"]?.GetValue<string>()) && run["endedAt"] is null)
            {
                run["endedAt"] = now;
            }

            record.Run = run;
            after = (JsonObject)run.DeepClone();
        }

        context.Changed();
        context.Automations.RunChanged(record, before, after);
        return after;
    }

    public void Log(RunRecord record, string message)
    {
        lock (Organisation.Gate)
        {
            record.Logs.Add(NewLog(record, message));
        }
    }

    /// <summary>A log line as Port's API answers it (every field its schema requires); called under the lock.</summary>
    public JsonObject NewLog(RunRecord record, string message) => new()
    {
        ["id"] = "log_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
        ["runId"] = record.Id,
        ["message"] = message,
        ["createdBy"] = Organisation.Actor,
        ["createdAt"] = Organisation.Now(),
    };

    /// <summary>The secrets as templates see them (<c>.secrets.NAME</c>), read when the run executes.</summary>
    public JsonObject SecretsForTemplates()
    {
        lock (Organisation.Gate)
        {
            var secrets = new JsonObject();
            foreach (var (name, secret) in Organisation.Secrets)
            {
                secrets[name] = secret.Value;
            }

            return secrets;
        }
    }

    private async Task ExecuteAsync(RunRecord record, JsonObject action, JsonObject templateContext)
    {
        var invocation = (JsonObject)action["invocationMethod"]!;
        if (invocation["type"]?.GetValue<string>() == "UPSERT_ENTITY")
        {
            templateContext["secrets"] = SecretsForTemplates();
            // One hop further, as a WEBHOOK to Port's own entity API would be.
            var (succeeded, message) = upserts.Invoke(invocation, templateContext, record.Depth + 1);
            Log(record, message);
            Update(record, run =>
            {
                run["status"] = succeeded ? RunStatus.Success : RunStatus.Failure;
                if (!succeeded)
                {
                    run["statusLabel"] = message;
                    run["summary"] = message;
                }
            });
            return;
        }

        if (invocation["type"]?.GetValue<string>() != "WEBHOOK")
        {
            Log(record, $"Invocation type {invocation["type"]} is accepted but not executed by the emulator; the run stays {RunStatus.InProgress}");
            return;
        }

        templateContext["secrets"] = SecretsForTemplates();
        var outcome = await webhooks.InvokeAsync(invocation, templateContext, record.Depth, CancellationToken.None);
        if (outcome.Error is not null)
        {
            Log(record, outcome.Error);
            Update(record, run =>
            {
                run["status"] = RunStatus.Failure;
                run["statusLabel"] = outcome.Error;
                run["summary"] = outcome.Error;
            });
            return;
        }

        Log(record, $"The webhook answered HTTP {outcome.StatusCode}");
        if (!outcome.Synchronized)
        {
            // An asynchronous backend reports the result itself with PATCH /v1/actions/runs/{id}.
            return;
        }

        Update(record, run =>
        {
            run["status"] = outcome.Succeeded ? RunStatus.Success : RunStatus.Failure;
            run["response"] = outcome.Response?.DeepClone();
            if (!outcome.Succeeded)
            {
                run["summary"] = $"The webhook answered HTTP {outcome.StatusCode}";
            }
        });
    }

    public RunRecord Find(string id)
        => Organisation.Runs.TryGetValue(id, out var record) ? record : throw PortApiError.NotFound($"A run with the id '{id}' was not found");
}

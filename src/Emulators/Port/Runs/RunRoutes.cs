using System.Text.Json;
using System.Text.Json.Nodes;
using Emulators.Port.Actions;
using Emulators.Port.Entities;
using Emulators.Port.Http;
using Emulators.Port.Permissions;
using Emulators.Port.Validation;
using Microsoft.AspNetCore.Builder;

namespace Emulators.Port.Runs;

/// <summary>Executing self-service actions and reading/updating their runs.</summary>
internal sealed class RunRoutes(PortContext context, RunService runs, PolicyEvaluator policies)
{
    private Organisation Organisation => context.Organisation;

    public void Map(WebApplication app, PortPipeline pipeline)
    {
        pipeline.Map(app, "POST", "/v1/actions/{identifier}/runs", Execute);
        pipeline.Map(app, "GET", "/v1/actions/runs", List);
        pipeline.Map(app, "GET", "/v1/actions/runs/{id}", Get);
        pipeline.Map(app, "PATCH", "/v1/actions/runs/{id}", Patch);
        pipeline.Map(app, "GET", "/v1/actions/runs/{id}/logs", Logs);
        pipeline.Map(app, "POST", "/v1/actions/runs/{id}/logs", AddLog);
    }

    /// <summary>
    /// 202 with the run; the webhook is sent after answering, as Port does. The caller (the token's user,
    /// or <c>run_as</c>) must be allowed to execute the action: a refusal creates no run and sends nothing.
    /// </summary>
    private ApiResult Execute(PortRequest request)
    {
        var body = request.ObjectBody();
        JsonChecks.AllowOnly(body, "body", "properties", "entity");
        var properties = JsonChecks.Object(body["properties"], "body/properties");
        var entityId = JsonChecks.OptionalString(body, "entity", "body");
        var caller = context.Users.Caller(request);
        var runAs = request.Query("run_as") is null ? null : caller.Email;
        RunRecord record;
        JsonObject action;
        JsonObject templateContext;
        lock (Organisation.Gate)
        {
            var identifier = request.Route("identifier");
            action = Organisation.Actions.TryGetValue(identifier, out var found)
                ? (JsonObject)found.DeepClone()
                : throw PortApiError.NotFound($"An action with the identifier '{identifier}' was not found");
            var trigger = (JsonObject)action["trigger"]!;
            if (trigger["type"]!.GetValue<string>() != "self-service")
            {
                throw PortApiError.Invalid($"'{identifier}' is an automation; only self-service actions can be executed");
            }

            var entity = ResolveEntity(trigger, entityId);
            var execute = (JsonObject)ActionPermissions.Of(Organisation, identifier)["execute"]!;
            ExecutePermission.CheckStatic(execute, caller, entity, context.Users);
            var inputs = ResolveInputs((JsonObject)trigger["userInputs"]!, properties);
            var policyContext = PolicyContext.ForRun(action, inputs, entity, caller, Organisation.Now());
            ExecutePermission.CheckPolicy(execute, PolicyContext.As(policyContext, caller), policies);
            record = runs.Create(action, "API", properties, entity, request.Depth, runAs);
            record.Requester = caller;
            record.PolicyContext = policyContext;
            templateContext = new JsonObject
            {
                ["action"] = new JsonObject
                {
                    ["identifier"] = identifier, ["title"] = action["title"]?.DeepClone(), ["blueprint"] = trigger["blueprintIdentifier"]?.DeepClone(),
                },
                ["run"] = new JsonObject { ["id"] = record.Id },
                ["trigger"] = new JsonObject
                {
                    ["by"] = new JsonObject
                    {
                        ["orgId"] = context.Options.OrganizationId, ["userId"] = record.Run["createdBy"]!.DeepClone(), ["user"] = PolicyContext.User(caller),
                    },
                    ["origin"] = "API",
                    ["operation"] = trigger["operation"]!.DeepClone(),
                    ["at"] = record.Run["createdAt"]!.DeepClone(),
                },
                ["inputs"] = inputs,
                ["entity"] = entity ?? new JsonObject(),
            };
        }

        context.Changed();
        var run = (JsonObject)record.Run.DeepClone();
        runs.Start(record, action, templateContext);
        return new ApiResult(202, new JsonObject { ["run"] = run });
    }

    /// <summary>
    /// Checks the inputs against <c>userInputs</c> and builds what templates see as <c>.inputs</c>: an
    /// input of format <c>entity</c> becomes the entity object, so <c>.inputs.stack.identifier</c> works.
    /// </summary>
    private JsonObject ResolveInputs(JsonObject userInputs, JsonObject given)
    {
        var definitions = (JsonObject)userInputs["properties"]!;
        if (userInputs["required"] is JsonArray required)
        {
            foreach (var name in required.Select(r => r!.GetValue<string>()))
            {
                if (given[name] is null)
                {
                    throw PortApiError.Invalid($"body/properties must have required input '{name}'");
                }
            }
        }

        var inputs = new JsonObject();
        foreach (var (name, value) in given)
        {
            if (definitions[name] is not JsonObject definition)
            {
                throw PortApiError.Invalid($"body/properties/{name} is not an input of this action");
            }

            inputs[name] = definition["format"]?.GetValue<string>() == "entity" && value is not null
                ? ResolveEntityInput(name, definition["blueprint"]!.GetValue<string>(), value)
                : value?.DeepClone();
        }

        return inputs;
    }

    private JsonObject ResolveEntityInput(string name, string blueprint, JsonNode value)
    {
        var identifier = value switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            JsonObject o when o["identifier"] is JsonValue id && id.GetValueKind() == JsonValueKind.String => id.GetValue<string>(),
            _ => throw PortApiError.Invalid($"body/properties/{name} must be an entity identifier"),
        };
        var record = Organisation.Blueprints.GetValueOrDefault(blueprint);
        var entity = record?.Entities.Find(identifier)
            ?? throw PortApiError.Invalid($"body/properties/{name}: entity '{identifier}' of blueprint '{blueprint}' was not found");
        return EntityView.Render(record!, entity);
    }

    private JsonObject? ResolveEntity(JsonObject trigger, string? entityId)
    {
        if (entityId is null)
        {
            return null;
        }

        var blueprint = trigger["blueprintIdentifier"]?.GetValue<string>()
            ?? throw PortApiError.Invalid("body/entity is given but the action is not tied to a blueprint");
        var record = Organisation.Blueprints.GetValueOrDefault(blueprint);
        var entity = record?.Entities.Find(entityId)
            ?? throw PortApiError.NotFound($"Entity '{entityId}' of blueprint '{blueprint}' was not found");
        return EntityView.Render(record!, entity);
    }

    /// <summary>
    /// Runs matching every filter given (a logical AND, as Port documents it), newest first, at most
    /// <c>limit</c> (1 to 1000).
    /// </summary>
    private ApiResult List(PortRequest request)
    {
        var action = request.Query("action");
        var source = request.Query("source");
        var entity = request.Query("entity");
        var activeOnly = request.Flag("active");
        var limit = Limit(request.Query("limit"), "limit", 1000);
        if (source is not null && source is not ("UI" or "API" or "AUTOMATION"))
        {
            throw PortApiError.Invalid("querystring/source must be one of UI, API, AUTOMATION");
        }

        lock (Organisation.Gate)
        {
            var selected = Organisation.Runs.Values
                .Reverse()
                .Where(r => action is null || r.ActionIdentifier == action)
                .Where(r => source is null || r.Run["source"]?.GetValue<string>() == source)
                .Where(r => entity is null || r.Run["entity"]?["identifier"]?.GetValue<string>() == entity)
                .Where(r => !activeOnly || !r.Finished)
                .Take(limit ?? int.MaxValue)
                .Select(r => r.Run.DeepClone());
            return ApiResult.Ok("runs", new JsonArray([.. selected]));
        }
    }

    private static int? Limit(string? text, string name, int max)
    {
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var limit) && limit >= 1 && limit <= max
            ? limit
            : throw PortApiError.Invalid($"querystring/{name} must be a number from 1 to {max}");
    }

    private ApiResult Get(PortRequest request)
    {
        lock (Organisation.Gate)
        {
            return ApiResult.Ok("run", runs.Find(request.Route("id")).Run.DeepClone());
        }
    }

    /// <summary>How an asynchronous backend reports its result; a finished run cannot change status again.</summary>
    private ApiResult Patch(PortRequest request)
    {
        var body = request.ObjectBody();
        JsonChecks.AllowOnly(body, "body", "status", "statusLabel", "link", "summary", "externalRunId");
        JsonChecks.OneOf(body, "status", "body", RunStatus.Success, RunStatus.Failure);
        RunRecord record;
        lock (Organisation.Gate)
        {
            record = runs.Find(request.Route("id"));
            if (record.Finished && body.ContainsKey("status"))
            {
                throw new PortApiError(400, "run_exhausted", $"The action run '{record.Id}' has already finished execution");
            }
        }

        var after = runs.Update(record, run =>
        {
            foreach (var (key, value) in body)
            {
                run[key] = key == "link" && value is JsonValue single ? new JsonArray(single.DeepClone()) : value?.DeepClone();
            }
        });
        return ApiResult.Ok("run", after);
    }

    /// <summary>The run's log lines, oldest first, paged with <c>offset</c> and <c>limit</c> (1 to 50).</summary>
    private ApiResult Logs(PortRequest request)
    {
        var limit = Limit(request.Query("limit"), "limit", 50);
        var offset = request.Query("offset") is { } text
            ? int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var skip) ? skip : throw PortApiError.Invalid("querystring/offset must be a number")
            : 0;
        lock (Organisation.Gate)
        {
            var logs = runs.Find(request.Route("id")).Logs.Skip(offset).Take(limit ?? int.MaxValue);
            return ApiResult.Ok("runLogs", new JsonArray([.. logs.Select(l => l.DeepClone())]));
        }
    }

    private ApiResult AddLog(PortRequest request)
    {
        var body = request.ObjectBody();
        JsonChecks.AllowOnly(body, "body", "message", "terminationStatus", "statusLabel");
        var message = JsonChecks.String(body, "message", "body");
        JsonChecks.OneOf(body, "terminationStatus", "body", RunStatus.Success, RunStatus.Failure);
        RunRecord record;
        lock (Organisation.Gate)
        {
            record = runs.Find(request.Route("id"));
        }

        runs.Log(record, message);
        if (body["terminationStatus"] is { } status)
        {
            runs.Update(record, run =>
            {
                run["status"] = status.DeepClone();
                run["statusLabel"] = body["statusLabel"]?.DeepClone() ?? run["statusLabel"]?.DeepClone();
            });
        }

        return new ApiResult(201, []);
    }
}

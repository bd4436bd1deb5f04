using System.Text.Json.Nodes;
using Emulators.Jq;
using Emulators.Port.Entities;

namespace Emulators.Port.Runs;

/// <summary>
/// Turns entity and run changes into Port events and fires the published automations whose event and
/// JQ condition match. Loops are bounded twice: an automation never fires on its own runs, and a chain
/// of automations stops at <see cref="PortEmulatorOptions.MaxAutomationDepth"/> hops.
/// </summary>
internal sealed class AutomationDispatcher(PortContext context, RunService runs)
{
    private Organisation Organisation => context.Organisation;

    public void EntityChanged(string blueprint, JsonObject? before, JsonObject? after, int depth)
    {
        var type = before is null ? "ENTITY_CREATED" : after is null ? "ENTITY_DELETED" : "ENTITY_UPDATED";
        Dispatch(
            @event => @event["blueprintIdentifier"]?.GetValue<string>() == blueprint
                && @event["type"]?.GetValue<string>() is var wanted && (wanted == type || wanted == "ANY_ENTITY_CHANGE"),
            () =>
            {
                var record = Organisation.Blueprints.GetValueOrDefault(blueprint);
                JsonNode? Render(JsonObject? entity) => entity is null ? null : record is null ? entity.DeepClone() : EntityView.Render(record, entity);
                var identifier = (after ?? before)!["identifier"]!.GetValue<string>();
                return Event(type, "entity", new JsonObject
                {
                    ["blueprintIdentifier"] = blueprint, ["entityIdentifier"] = identifier, ["propertyIdentifier"] = null,
                }, Render(before), Render(after));
            },
            sourceAction: null,
            depth);
    }

    public void RunChanged(RunRecord record, JsonObject? before, JsonObject after)
    {
        var type = before is null ? "RUN_CREATED" : "RUN_UPDATED";
        Dispatch(
            @event => @event["actionIdentifier"]?.GetValue<string>() == record.ActionIdentifier
                && @event["type"]?.GetValue<string>() is var wanted && (wanted == type || wanted == "ANY_RUN_CHANGE"),
            () => Event(type, "run", new JsonObject
            {
                ["runId"] = record.Id,
                ["actionIdentifier"] = record.ActionIdentifier,
                ["blueprintIdentifier"] = after["blueprint"]?["identifier"]?.DeepClone(),
                ["entityIdentifier"] = after["entity"]?["identifier"]?.DeepClone(),
            }, before?.DeepClone(), after.DeepClone()),
            sourceAction: record.ActionIdentifier,
            record.Depth);
    }

    private JsonObject Event(string type, string resourceType, JsonObject eventContext, JsonNode? before, JsonNode? after) => new()
    {
        ["action"] = type,
        ["resourceType"] = resourceType,
        ["trigger"] = new JsonObject
        {
            ["by"] = new JsonObject { ["orgId"] = context.Options.OrganizationId, ["userId"] = Organisation.Actor },
            ["origin"] = "API",
            ["at"] = Organisation.Now(),
        },
        ["context"] = eventContext,
        ["diff"] = new JsonObject { ["before"] = before, ["after"] = after },
    };

    private void Dispatch(Func<JsonObject, bool> matches, Func<JsonObject> buildEvent, string? sourceAction, int depth)
    {
        if (depth >= context.Options.MaxAutomationDepth)
        {
            return;
        }

        var started = new List<(RunRecord Run, JsonObject Automation, JsonObject TemplateContext)>();
        lock (Organisation.Gate)
        {
            var automations = Organisation.Actions.Values
                .Where(a => a["trigger"]?["type"]?.GetValue<string>() == "automation"
                    && a["publish"]?.GetValue<bool>() != false
                    && a["identifier"]!.GetValue<string>() != sourceAction
                    && a["trigger"]!["event"] is JsonObject e && matches(e))
                .ToList();
            if (automations.Count == 0)
            {
                return;
            }

            var @event = buildEvent();
            foreach (var automation in automations)
            {
                var (holds, error) = ConditionHolds(automation, @event);
                if (!holds && error is null)
                {
                    continue;
                }

                var run = runs.Create(automation, "AUTOMATION", [], entity: null, depth + 1);
                if (error is not null)
                {
                    run.Run["status"] = RunStatus.Failure;
                    run.Run["summary"] = error;
                    run.Run["statusLabel"] = error;
                    run.Run["endedAt"] = run.Run["createdAt"]!.DeepClone();
                    run.Logs.Add(runs.NewLog(run, error));
                    continue;
                }

                var templateContext = new JsonObject
                {
                    ["event"] = @event.DeepClone(),
                    ["trigger"] = @event["trigger"]!.DeepClone(),
                    ["run"] = new JsonObject { ["id"] = run.Id },
                    ["action"] = new JsonObject { ["identifier"] = automation["identifier"]!.DeepClone(), ["title"] = automation["title"]?.DeepClone() },
                };
                started.Add((run, (JsonObject)automation.DeepClone(), templateContext));
            }
        }

        foreach (var (run, automation, templateContext) in started)
        {
            runs.Start(run, automation, templateContext);
        }
    }

    /// <summary>
    /// Evaluates <c>condition.expressions</c> against the event. A jq run-time error is reported (the
    /// automation's run fails with it) rather than read as true or false.
    /// </summary>
    private static (bool Holds, string? Error) ConditionHolds(JsonObject automation, JsonObject @event)
    {
        if (automation["trigger"]!["condition"] is not JsonObject condition)
        {
            return (true, null);
        }

        var any = condition["combinator"]?.GetValue<string>() == "or";
        var expressions = ((JsonArray)condition["expressions"]!).Select(e => e!.GetValue<string>()).ToList();
        if (expressions.Count == 0)
        {
            return (true, null);
        }

        try
        {
            var results = expressions.Select(e => JsonValues.IsTruthy(JqExpression.Parse(e).Evaluate(@event)));
            return (any ? results.Any(r => r) : results.All(r => r), null);
        }
        catch (JqException e)
        {
            return (false, $"The automation's condition failed to evaluate: {e.Message}");
        }
    }
}

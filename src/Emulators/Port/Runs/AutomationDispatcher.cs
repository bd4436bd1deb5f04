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
                return Event(ActionOf(type), "entity", new JsonObject
                {
                    ["blueprintIdentifier"] = blueprint, ["entityIdentifier"] = identifier, ["propertyIdentifier"] = null,
                }, Render(before), Render(after), Actor());
            },
            sourceAction: null,
            depth);
    }

    /// <summary>
    /// A timer property of an entity expired: fires the automations on <c>TIMER_PROPERTY_EXPIRED</c> for that
    /// blueprint and property. The event has the entity in <c>diff.after</c> (port-docs
    /// docs/actions-and-automations/define-automations/setup-trigger.md at 4893974), the property in
    /// <c>context.propertyIdentifier</c> (the field that page shows as null for other entity events), and
    /// the action, trigger author and time Port sends for a timer expiry elsewhere (<c>TIMER_EXPIRED</c>, by
    /// Port, at the timer's value: setup-blueprint/properties/timer.md at the same commit). A new chain of
    /// automations starts here (depth 0): nobody's request caused it.
    /// </summary>
    public void TimerExpired(string blueprint, string property, JsonObject entity, string at)
        => Dispatch(
            @event => @event["type"]?.GetValue<string>() == "TIMER_PROPERTY_EXPIRED"
                && @event["blueprintIdentifier"]?.GetValue<string>() == blueprint
                && @event["propertyIdentifier"]?.GetValue<string>() == property,
            () => Event("TIMER_EXPIRED", "entity", new JsonObject
            {
                ["blueprintIdentifier"] = blueprint, ["entityIdentifier"] = entity["identifier"]!.DeepClone(), ["propertyIdentifier"] = property,
            }, null, entity.DeepClone(), new JsonObject { ["orgId"] = context.Options.OrganizationId, ["byPort"] = true }, at),
            sourceAction: null,
            depth: 0);

    public void RunChanged(RunRecord record, JsonObject? before, JsonObject after)
    {
        var type = before is null ? "RUN_CREATED" : "RUN_UPDATED";
        Dispatch(
            @event => @event["actionIdentifier"]?.GetValue<string>() == record.ActionIdentifier
                && @event["type"]?.GetValue<string>() is var wanted && (wanted == type || wanted == "ANY_RUN_CHANGE"),
            () => Event(ActionOf(type), "run", new JsonObject
            {
                ["runId"] = record.Id,
                ["actionIdentifier"] = record.ActionIdentifier,
                ["blueprintIdentifier"] = after["blueprint"]?["identifier"]?.DeepClone(),
                ["entityIdentifier"] = after["entity"]?["identifier"]?.DeepClone(),
            }, before?.DeepClone(), after.DeepClone(), Actor()),
            sourceAction: record.ActionIdentifier,
            record.Depth);
    }

    /// <summary>
    /// What an event's <c>action</c> says: <c>CREATE</c>, <c>UPDATE</c> or <c>DELETE</c>, as in the event
    /// examples of port-docs docs/actions-and-automations/define-automations/setup-action.md at 4893974
    /// ("UPDATE" for both an entity and a run update); the trigger's type names which.
    /// </summary>
    private static string ActionOf(string type) => type switch
    {
        "ENTITY_CREATED" or "RUN_CREATED" => "CREATE",
        "ENTITY_DELETED" => "DELETE",
        _ => "UPDATE",
    };

    private JsonObject Actor() => new() { ["orgId"] = context.Options.OrganizationId, ["userId"] = Organisation.Actor };

    private JsonObject Event(string action, string resourceType, JsonObject eventContext, JsonNode? before, JsonNode? after, JsonObject by, string? at = null) => new()
    {
        ["action"] = action,
        ["resourceType"] = resourceType,
        ["trigger"] = new JsonObject
        {
            ["by"] = by,
            ["origin"] = "API",
            ["at"] = at ?? Organisation.Now(),
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

                // What an automation's templates see (setup-action.md, "Trigger data"): the run's own trigger
                // (origin AUTOMATION, at the run's creation), the event, the run id, no inputs and no entity.
                var templateContext = new JsonObject
                {
                    ["inputs"] = null,
                    ["trigger"] = new JsonObject
                    {
                        ["by"] = @event["trigger"]!["by"]!.DeepClone(),
                        ["origin"] = "AUTOMATION",
                        ["at"] = run.Run["createdAt"]!.DeepClone(),
                    },
                    ["event"] = @event.DeepClone(),
                    ["entity"] = null,
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

using System.Text.Json;
using System.Text.Json.Nodes;
using Infra.Sdk;

namespace Infra.Cli.PulumiMode.Inputs;

/// <summary>
/// Port's action body (self-service action or automation: both are <c>/v1/actions</c>) → inputs of
/// <c>port:index/action:Action</c>. The provider's shapes differ from REST in ways that matter:
/// the trigger becomes <c>selfServiceTrigger</c> or <c>automationTrigger</c>; user inputs are grouped by
/// type with <c>required: true</c> on each (the provider refuses <c>false</c>); the webhook's <c>agent</c>,
/// <c>synchronized</c> and <c>requiredApproval</c> are the strings "true"/"false"; the webhook body is a
/// JSON string in Go's canonical spelling (<see cref="GoJson"/>); an empty header map is left out.
/// </summary>
public sealed class ActionInputs : IProviderInputsRenderer
{
    private static readonly string[] UserInputMembers = ["title", "icon", "description", "format", "blueprint", "sort", "default", "pattern", "minLength", "maxLength"];

    public JsonObject Render(JsonObject body, ResourceAddress address)
    {
        var where = $"action '{InputShapes.Text(body["identifier"])}'";
        var inputs = new JsonObject();
        InputShapes.Copy(body, inputs, "identifier", "title", "icon", "description");

        var trigger = body["trigger"] as JsonObject ?? throw new NotSupportedException($"{where}: no trigger");
        switch (InputShapes.Text(trigger["type"]))
        {
            case "self-service":
                inputs["selfServiceTrigger"] = SelfService(trigger, where);
                break;
            case "automation":
                inputs["automationTrigger"] = Automation(trigger, where);
                break;
            case var other:
                throw new NotSupportedException($"{where}: trigger type '{other}' has no provider input shape");
        }

        var invocation = body["invocationMethod"] as JsonObject ?? throw new NotSupportedException($"{where}: no invocationMethod");
        switch (InputShapes.Text(invocation["type"]))
        {
            case "WEBHOOK":
                inputs["webhookMethod"] = Webhook(invocation);
                break;
            case "UPSERT_ENTITY":
                inputs["upsertEntityMethod"] = UpsertEntity(invocation, where);
                break;
            case var other:
                throw new NotSupportedException($"{where}: invocation type '{other}' is not mapped (only WEBHOOK and UPSERT_ENTITY are declared)");
        }

        if (body["requiredApproval"] is { } approval)
        {
            inputs["requiredApproval"] = approval.GetValueKind() switch
            {
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => InputShapes.Text((approval as JsonObject)?["type"]) ?? throw new NotSupportedException($"{where}: requiredApproval {approval.ToJsonString()}"),
            };
        }

        InputShapes.Copy(body, inputs, "publish");
        return inputs;
    }

    private static JsonObject SelfService(JsonObject trigger, string where)
    {
        var result = new JsonObject();
        InputShapes.Copy(trigger, result, "operation", "blueprintIdentifier");
        var userInputs = trigger["userInputs"] as JsonObject ?? [];
        var required = (userInputs["required"] as JsonArray)?.Select(InputShapes.Text).ToHashSet(StringComparer.Ordinal) ?? [];
        var properties = new JsonObject();
        foreach (var (name, node) in (userInputs["properties"] as JsonObject ?? []).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var property = node as JsonObject ?? throw new NotSupportedException($"{where}: user input '{name}' is not an object");
            var rendered = new JsonObject();
            InputShapes.Copy(property, rendered, UserInputMembers);
            if (required.Contains(name))
            {
                rendered["required"] = true;
            }

            InputShapes.AddToGroup(properties, InputShapes.PropsGroup(InputShapes.Text(property["type"]), where + $" user input '{name}'"), name, rendered);
        }

        if (properties.Count > 0)
        {
            result["userProperties"] = properties;
        }

        if (userInputs["order"] is JsonArray { Count: > 0 } order)
        {
            result["orderProperties"] = order.DeepClone();
        }

        return result;
    }

    private static JsonObject Automation(JsonObject trigger, string where)
    {
        var result = new JsonObject();
        var trigEvent = trigger["event"] as JsonObject ?? throw new NotSupportedException($"{where}: automation without an event");
        string[] byAction = ["actionIdentifier"], byBlueprint = ["blueprintIdentifier"];
        var (name, members) = InputShapes.Text(trigEvent["type"]) switch
        {
            "RUN_CREATED" => ("runCreatedEvent", byAction),
            "RUN_UPDATED" => ("runUpdatedEvent", byAction),
            "ANY_RUN_CHANGE" => ("anyRunChangeEvent", byAction),
            "ENTITY_CREATED" => ("entityCreatedEvent", byBlueprint),
            "ENTITY_UPDATED" => ("entityUpdatedEvent", byBlueprint),
            "ENTITY_DELETED" => ("entityDeletedEvent", byBlueprint),
            "ANY_ENTITY_CHANGE" => ("anyEntityChangeEvent", byBlueprint),
            // The provider's ActionAutomationTriggerTimerPropertyExpiredEvent, both required.
            "TIMER_PROPERTY_EXPIRED" => ("timerPropertyExpiredEvent", ["blueprintIdentifier", "propertyIdentifier"]),
            var other => throw new NotSupportedException($"{where}: automation event '{other}' has no provider input shape"),
        };
        var rendered = new JsonObject();
        InputShapes.Copy(trigEvent, rendered, members);
        result[name] = rendered;

        // The provider sends a condition only when it has expressions, and always as type JQ.
        if (trigger["condition"] is JsonObject { } condition && condition["expressions"] is JsonArray { Count: > 0 })
        {
            var jq = new JsonObject();
            InputShapes.Copy(condition, jq, "expressions", "combinator");
            result["jqCondition"] = jq;
        }

        return result;
    }

    private static JsonObject Webhook(JsonObject invocation)
    {
        var result = new JsonObject();
        InputShapes.Copy(invocation, result, "url");
        result["agent"] = Flag(invocation["agent"]);
        result["synchronized"] = Flag(invocation["synchronized"]);
        InputShapes.Copy(invocation, result, "method");
        if (invocation["headers"] is JsonObject { Count: > 0 } headers)
        {
            result["headers"] = headers.DeepClone();
        }

        if (invocation["body"] is { } body)
        {
            result["body"] = body is JsonValue text && text.GetValueKind() == JsonValueKind.String ? text.GetValue<string>() : GoJson.Write(body);
        }

        return result;
    }

    /// <summary>
    /// Port's <c>UPSERT_ENTITY</c> invocation → the provider's <c>upsertEntityMethod</c>, as the provider turns
    /// it back into Port's body (terraform-provider-port-labs <c>port/action/actionStateToPortBody.go</c> at
    /// e26439a): the mapping's <c>title</c> sits on the method, <c>properties</c> and <c>relations</c> are
    /// JSON text, <c>team</c> is <c>teams</c> (a list) or <c>teamsJq</c> (a template).
    /// </summary>
    private static JsonObject UpsertEntity(JsonObject invocation, string where)
    {
        var result = new JsonObject();
        InputShapes.Copy(invocation, result, "blueprintIdentifier");
        var mapping = invocation["mapping"] as JsonObject ?? [];
        InputShapes.Copy(mapping, result, "title");
        var rendered = new JsonObject();
        InputShapes.Copy(mapping, rendered, "identifier", "icon");
        switch (mapping["team"])
        {
            case null:
                break;
            case JsonArray teams:
                rendered["teams"] = teams.DeepClone();
                break;
            case JsonValue text when text.GetValueKind() == JsonValueKind.String:
                rendered["teamsJq"] = text.GetValue<string>();
                break;
            default:
                throw new NotSupportedException($"{where}: the upsert mapping's team is neither a list nor a template");
        }

        foreach (var member in new[] { "properties", "relations" })
        {
            if (mapping[member] is JsonObject { Count: > 0 } values)
            {
                rendered[member] = GoJson.Write(values);
            }
        }

        result["mapping"] = rendered;
        return result;
    }

    /// <summary>The provider takes these as strings ("true", "false" or a template) and parses them as JSON.</summary>
    private static JsonNode? Flag(JsonNode? node) => node?.GetValueKind() switch
    {
        null => null,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => node.DeepClone(),
    };
}

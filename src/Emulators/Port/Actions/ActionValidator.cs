using System.Text.Json;
using System.Text.Json.Nodes;
using Emulators.Jq;
using Emulators.Port.Http;
using Emulators.Port.Validation;

namespace Emulators.Port.Actions;

/// <summary>
/// Strict validation of <c>/v1/actions</c> bodies (the spec's <c>additionalProperties:false</c> and the
/// <c>trigger</c> / <c>invocationMethod</c> oneOf), including parsing every JQ condition expression.
/// </summary>
internal static class ActionValidator
{
    private static readonly string[] TopLevel =
        ["identifier", "title", "icon", "description", "trigger", "invocationMethod", "requiredApproval", "approvalNotification", "publish", "allowAnyoneToViewRuns"];

    private static readonly string[] InputTypes = ["string", "number", "boolean", "object", "array"];

    private static readonly string[] InputFormats =
        ["date-time", "url", "email", "ipv4", "ipv6", "yaml", "entity", "user", "team", "proto", "markdown", "multi-line", "labeled-url"];

    private static readonly string[] WebhookMethods = ["POST", "PUT", "PATCH", "GET", "DELETE"];

    private static readonly Dictionary<string, string> EventTarget = new(StringComparer.Ordinal)
    {
        ["ENTITY_CREATED"] = "blueprintIdentifier",
        ["ENTITY_UPDATED"] = "blueprintIdentifier",
        ["ENTITY_DELETED"] = "blueprintIdentifier",
        ["ANY_ENTITY_CHANGE"] = "blueprintIdentifier",
        ["TIMER_PROPERTY_EXPIRED"] = "blueprintIdentifier",
        ["RUN_CREATED"] = "actionIdentifier",
        ["RUN_UPDATED"] = "actionIdentifier",
        ["ANY_RUN_CHANGE"] = "actionIdentifier",
    };

    /// <summary>Invocation types other than WEBHOOK: required and allowed keys, checked structurally only.</summary>
    private static readonly Dictionary<string, (string[] Required, string[] Allowed)> OtherInvocations = new(StringComparer.Ordinal)
    {
        ["KAFKA"] = (["type"], ["type", "payload"]),
        ["GITHUB"] = (["type", "org", "repo", "workflow"], ["type", "org", "repo", "workflow", "workflowInputs", "reportWorkflowStatus"]),
        ["GITLAB"] = (["type", "projectName", "groupName"], ["type", "projectName", "groupName", "defaultRef", "pipelineVariables"]),
        ["AZURE_DEVOPS"] = (["type", "webhook", "org"], ["type", "webhook", "org", "payload"]),
        ["INTEGRATION_ACTION"] = (["type", "installationId", "integrationActionType", "integrationActionExecutionProperties"],
            ["type", "installationId", "integrationActionType", "integrationActionExecutionProperties"]),
    };

    /// <summary>Returns the action to store (a copy, meta fields from the client dropped).</summary>
    public static JsonObject Validate(JsonObject body)
    {
        var action = (JsonObject)body.DeepClone();
        foreach (var meta in JsonChecks.MetaFields.Append("id"))
        {
            action.Remove(meta);
        }

        JsonChecks.AllowOnly(action, "body", TopLevel);
        JsonChecks.Require(action, "body", "identifier", "trigger", "invocationMethod");
        Identifiers.Check("Action identifier", JsonChecks.String(action, "identifier", "body"), Identifiers.Action(), Identifiers.BlueprintMax);
        JsonChecks.OptionalString(action, "title", "body");
        JsonChecks.OptionalString(action, "icon", "body");
        JsonChecks.OptionalString(action, "description", "body");
        JsonChecks.Boolean(action, "publish", "body");
        JsonChecks.Boolean(action, "allowAnyoneToViewRuns", "body");
        ValidateTrigger(JsonChecks.Object(action["trigger"], "body/trigger"));
        ValidateInvocation(JsonChecks.Object(action["invocationMethod"], "body/invocationMethod"));
        ValidateApproval(action);
        return action;
    }

    private static void ValidateTrigger(JsonObject trigger)
    {
        const string path = "body/trigger";
        switch (JsonChecks.String(trigger, "type", path))
        {
            case "self-service":
                ValidateSelfService(trigger);
                break;
            case "automation":
                JsonChecks.AllowOnly(trigger, path, "type", "event", "condition");
                JsonChecks.Require(trigger, path, "event");
                ValidateEvent(JsonChecks.Object(trigger["event"], $"{path}/event"));
                if (trigger["condition"] is { } condition)
                {
                    ValidateCondition(JsonChecks.Object(condition, $"{path}/condition"));
                }

                break;
            case var other:
                throw PortApiError.Invalid($"{path}/type must be 'self-service' or 'automation', got '{other}'");
        }
    }

    private static void ValidateSelfService(JsonObject trigger)
    {
        const string path = "body/trigger";
        JsonChecks.Require(trigger, path, "operation", "userInputs");
        var operation = JsonChecks.String(trigger, "operation", path);
        JsonChecks.OneOf(trigger, "operation", path, "CREATE", "DAY-2", "DELETE");
        string[] allowed = ["type", "operation", "blueprintIdentifier", "userInputs", "actionCardButtonText", "executeActionButtonText"];
        JsonChecks.AllowOnly(trigger, path, operation == "CREATE" ? allowed : [.. allowed, "condition"]);
        JsonChecks.OptionalString(trigger, "blueprintIdentifier", path);
        foreach (var button in new[] { "actionCardButtonText", "executeActionButtonText" })
        {
            var text = JsonChecks.OptionalString(trigger, button, path);
            if (text is not null && (text.Length is < 1 or > 15 || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
            {
                throw PortApiError.Invalid($"{path}/{button} must be 1 to 15 characters without leading or trailing spaces");
            }
        }

        if (trigger["condition"] is { } condition)
        {
            var search = JsonChecks.Object(condition, $"{path}/condition");
            JsonChecks.AllowOnly(search, $"{path}/condition", "type", "rules", "combinator");
            JsonChecks.OneOf(search, "type", $"{path}/condition", "SEARCH");
        }

        ValidateUserInputs(JsonChecks.Object(trigger["userInputs"], $"{path}/userInputs"));
    }

    private static void ValidateUserInputs(JsonObject inputs)
    {
        const string path = "body/trigger/userInputs";
        JsonChecks.AllowOnly(inputs, path, "properties", "required", "titles", "order", "steps");
        JsonChecks.Require(inputs, path, "properties");
        if (inputs.ContainsKey("order") && inputs.ContainsKey("steps"))
        {
            throw PortApiError.Invalid($"{path} must use either 'order' or 'steps', not both");
        }

        var properties = JsonChecks.Object(inputs["properties"], $"{path}/properties");
        foreach (var (key, value) in properties)
        {
            Identifiers.Check("User input identifier", key, Identifiers.Key(), Identifiers.KeyMax);
            var input = JsonChecks.Object(value, $"{path}/properties/{key}");
            JsonChecks.Require(input, $"{path}/properties/{key}", "type");
            JsonChecks.OneOf(input, "type", $"{path}/properties/{key}", InputTypes);
            JsonChecks.OneOf(input, "format", $"{path}/properties/{key}", InputFormats);
            if (input["format"]?.GetValue<string>() == "entity" && JsonChecks.OptionalString(input, "blueprint", $"{path}/properties/{key}") is null)
            {
                throw PortApiError.Invalid($"{path}/properties/{key} has format 'entity' and must name its 'blueprint'");
            }
        }

        if (inputs["required"] is JsonArray required)
        {
            JsonChecks.StringArray(required, $"{path}/required");
        }
        else if (inputs["required"] is not (null or JsonObject))
        {
            throw PortApiError.Invalid($"{path}/required must be an array of input identifiers or a jqQuery object");
        }

        if (JsonChecks.OptionalArray(inputs, "order", path) is { } order)
        {
            JsonChecks.StringArray(order, $"{path}/order");
        }
    }

    private static void ValidateEvent(JsonObject @event)
    {
        const string path = "body/trigger/event";
        var type = JsonChecks.String(@event, "type", path);
        if (!EventTarget.TryGetValue(type, out var target))
        {
            throw PortApiError.Invalid($"{path}/type must be one of {string.Join(", ", EventTarget.Keys)}, got '{type}'");
        }

        string[] allowed = type == "TIMER_PROPERTY_EXPIRED" ? ["type", target, "propertyIdentifier"] : ["type", target];
        JsonChecks.AllowOnly(@event, path, allowed);
        JsonChecks.Require(@event, path, allowed);
        foreach (var key in allowed)
        {
            JsonChecks.String(@event, key, path);
        }
    }

    private static void ValidateCondition(JsonObject condition)
    {
        const string path = "body/trigger/condition";
        JsonChecks.AllowOnly(condition, path, "type", "expressions", "combinator");
        JsonChecks.Require(condition, path, "type", "expressions");
        JsonChecks.OneOf(condition, "type", path, "JQ");
        JsonChecks.OneOf(condition, "combinator", path, "and", "or");
        var expressions = JsonChecks.StringArray(JsonChecks.OptionalArray(condition, "expressions", path)!, $"{path}/expressions");
        for (var i = 0; i < expressions.Count; i++)
        {
            try
            {
                JqExpression.Parse(expressions[i]);
            }
            catch (JqException e)
            {
                throw PortApiError.Invalid($"{path}/expressions/{i} '{expressions[i]}' is rejected: {e.Message}");
            }
        }
    }

    private static void ValidateInvocation(JsonObject invocation)
    {
        const string path = "body/invocationMethod";
        var type = JsonChecks.String(invocation, "type", path);
        if (type == "WEBHOOK")
        {
            JsonChecks.AllowOnly(invocation, path, "type", "url", "agent", "synchronized", "method", "headers", "body");
            JsonChecks.String(invocation, "url", path);
            JsonChecks.BooleanOrString(invocation, "agent", path);
            JsonChecks.BooleanOrString(invocation, "synchronized", path);
            JsonChecks.OneOf(invocation, "method", path, WebhookMethods);
            JsonChecks.ObjectOrArray(invocation, "body", path);
            if (invocation["headers"] is { } headers)
            {
                foreach (var (name, value) in JsonChecks.Object(headers, $"{path}/headers"))
                {
                    if (value?.GetValueKind() != JsonValueKind.String)
                    {
                        throw PortApiError.Invalid($"{path}/headers/{name} must be a string");
                    }
                }
            }

            return;
        }

        if (type == "UPSERT_ENTITY")
        {
            UpsertEntityValidator.Validate(invocation);
            return;
        }

        if (!OtherInvocations.TryGetValue(type, out var shape))
        {
            throw PortApiError.Invalid($"{path}/type must be one of WEBHOOK, UPSERT_ENTITY, {string.Join(", ", OtherInvocations.Keys)}, got '{type}'");
        }

        JsonChecks.AllowOnly(invocation, path, shape.Allowed);
        JsonChecks.Require(invocation, path, shape.Required);
    }

    private static void ValidateApproval(JsonObject action)
    {
        switch (action["requiredApproval"])
        {
            case null:
            case JsonValue flag when flag.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                break;
            case JsonObject approval:
                JsonChecks.AllowOnly(approval, "body/requiredApproval", "type");
                JsonChecks.Require(approval, "body/requiredApproval", "type");
                JsonChecks.OneOf(approval, "type", "body/requiredApproval", "ANY", "ALL");
                break;
            default:
                throw PortApiError.Invalid("body/requiredApproval must be a boolean or {type: ANY|ALL}");
        }

        if (action["approvalNotification"] is { } notification)
        {
            var obj = JsonChecks.Object(notification, "body/approvalNotification");
            JsonChecks.OneOf(obj, "type", "body/approvalNotification", "webhook", "email");
            if (obj["type"]?.GetValue<string>() == "webhook")
            {
                JsonChecks.AllowOnly(obj, "body/approvalNotification", "type", "url", "format");
                JsonChecks.String(obj, "url", "body/approvalNotification");
            }
            else
            {
                JsonChecks.AllowOnly(obj, "body/approvalNotification", "type");
            }
        }
    }
}

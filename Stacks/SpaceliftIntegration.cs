using System.Text.Json.Nodes;
using Infra.Sdk;
using Infra.Sdk.Declarations;

namespace Infra.Stacks;

/// <summary>
/// The Spacelift integration, declared: the guide's blueprint, secrets, actions and automation, and one
/// entity per stack. Pure data: no I/O, the same inputs always give the same bodies.
/// </summary>
public static class SpaceliftIntegration
{
    public static Declaration Declare(IntegrationInputs inputs, IReadOnlyList<SpaceliftStack> stacks)
    {
        var check = StackDataRules.Check(stacks);
        var names = inputs.Identifiers;
        var resources = new List<DesiredResource>(check.Accepted.Count + 9)
        {
            new(new ResourceAddress(ResourceKind.Blueprint, inputs.Blueprint), Blueprint(inputs)),
            SecretResource(inputs, names.ApiKeyIdSecret, inputs.ApiKeyId),
            SecretResource(inputs, names.ApiKeySecretSecret, inputs.ApiKeySecret),
            SecretResource(inputs, names.TokenSecret, inputs.Token is TokenSource.GivenToken given ? given.Value : null),
            new(new ResourceAddress(ResourceKind.Action, names.TriggerAction), TriggerAction(inputs)),
            new(new ResourceAddress(ResourceKind.Action, names.RefreshAction), RefreshAction(inputs)),
        };
        resources.AddRange(WhoMayRun.Declare(inputs));
        resources.Add(new(new ResourceAddress(ResourceKind.Automation, names.TokenAutomation), TokenAutomation(inputs)));
        if (inputs.Live is { } live)
        {
            resources.AddRange(LiveStateWebhooks.Declare(inputs, live));
        }

        resources.AddRange(check.Accepted.Select(s => new DesiredResource(new ResourceAddress(ResourceKind.Entity, s.Id, inputs.Blueprint), Entity(inputs, s))));
        // The data rules know stacks, not blueprints: their entity addresses get it here.
        var diagnostics = check.Diagnostics.Select(d => d.Address is { } a && a.Kind == ResourceKind.Entity ? d with { Address = a with { Blueprint = inputs.Blueprint } } : d).ToList();
        return new Declaration(new DesiredState(resources), diagnostics, check.RejectedIds);
    }

    /// <summary>
    /// The guide's blueprint; the identifier comes from configuration, and the description (the guide
    /// has none) carries the owner mark, which the blueprint's entities share.
    /// </summary>
    public static JsonObject Blueprint(IntegrationInputs inputs) => new()
    {
        ["identifier"] = inputs.Blueprint,
        ["title"] = inputs.Identifiers.Title("SpaceLift Stack", inputs.SpaceliftEndpoint),
        ["icon"] = "IaC",
        ["description"] = inputs.Marked("Spacelift stacks, one entity per stack"),
        ["schema"] = new JsonObject
        {
            ["properties"] = new JsonObject
            {
                ["space"] = StringProperty("Space"),
                ["label"] = new JsonObject
                {
                    ["items"] = new JsonObject { ["type"] = "string" },
                    ["type"] = "array",
                    ["title"] = "Label",
                },
                ["description"] = StringProperty("Description"),
                ["repository"] = StringProperty("Repository"),
                ["link"] = new JsonObject
                {
                    ["icon"] = "DefaultProperty",
                    ["type"] = "string",
                    ["title"] = "Link",
                    ["format"] = "url",
                },
                ["state"] = StringProperty("State"),
                ["git_provider"] = StringProperty("Git Provider"),
                ["branch"] = StringProperty("Branch"),
            },
            ["required"] = new JsonArray(),
        },
        ["mirrorProperties"] = new JsonObject(),
        ["calculationProperties"] = new JsonObject(),
        ["aggregationProperties"] = new JsonObject(),
        ["relations"] = new JsonObject(),
    };

    public static JsonObject TriggerAction(IntegrationInputs inputs) => new()
    {
        ["identifier"] = inputs.Identifiers.TriggerAction,
        ["title"] = inputs.Identifiers.Title("Trigger Spacelift Stack", inputs.SpaceliftEndpoint),
        ["icon"] = "Git",
        ["description"] = inputs.Marked("A self service action to trigger Spacelift stack"),
        ["trigger"] = new JsonObject
        {
            ["type"] = "self-service",
            ["operation"] = "CREATE",
            ["userInputs"] = new JsonObject
            {
                ["properties"] = new JsonObject
                {
                    ["stack"] = new JsonObject
                    {
                        ["title"] = "Stack",
                        ["icon"] = "DefaultProperty",
                        ["type"] = "string",
                        ["blueprint"] = inputs.Blueprint,
                        ["sort"] = new JsonObject { ["property"] = "$title", ["order"] = "ASC" },
                        ["format"] = "entity",
                    },
                },
                ["required"] = new JsonArray("stack"),
                ["order"] = new JsonArray("stack"),
            },
        },
        ["invocationMethod"] = Webhook(
            inputs.SpaceliftGraphQlUrl,
            "POST",
            new JsonObject
            {
                ["Authorization"] = "Bearer {{.secrets." + inputs.Identifiers.TokenSecret + "}}",
                ["Content-Type"] = "application/json",
            },
            new JsonObject
            {
                ["query"] = "mutation ($stackId: ID!) { runTrigger(stack: $stackId) { id title type state createdAt updatedAt branch triggeredBy driftDetection } }",
                ["variables"] = new JsonObject { ["stackId"] = "{{.inputs.stack.identifier}}" },
            }),
        ["requiredApproval"] = WhoMayRun.RequiredApproval(inputs),
    };

    public static JsonObject RefreshAction(IntegrationInputs inputs) => new()
    {
        ["identifier"] = inputs.Identifiers.RefreshAction,
        ["title"] = inputs.Identifiers.Title("Refresh Spacelift Token", inputs.SpaceliftEndpoint),
        ["icon"] = "Git",
        ["description"] = inputs.Marked("A self service action to refresh Spacelift token"),
        ["trigger"] = new JsonObject
        {
            ["type"] = "self-service",
            ["operation"] = "CREATE",
            ["userInputs"] = new JsonObject
            {
                ["properties"] = new JsonObject(),
                ["required"] = new JsonArray(),
                ["order"] = new JsonArray(),
            },
        },
        ["invocationMethod"] = Webhook(
            inputs.SpaceliftGraphQlUrl,
            "POST",
            new JsonObject { ["Content-Type"] = "application/json" },
            new JsonObject
            {
                // validUntil too (the guide asks for the jwt only): the automation records it, as up does.
                ["query"] = "mutation GetSpaceliftToken($id: ID!, $secret: String!) { apiKeyUser(id: $id, secret: $secret) { jwt validUntil } }",
                ["variables"] = new JsonObject
                {
                    ["id"] = "{{.secrets." + inputs.Identifiers.ApiKeyIdSecret + "}}",
                    ["secret"] = "{{.secrets." + inputs.Identifiers.ApiKeySecretSecret + "}}",
                },
            }),
        ["requiredApproval"] = false,
    };

    public static JsonObject TokenAutomation(IntegrationInputs inputs) => new()
    {
        ["identifier"] = inputs.Identifiers.TokenAutomation,
        ["title"] = inputs.Identifiers.Title("Refresh Spacelift Token", inputs.SpaceliftEndpoint),
        ["description"] = inputs.Marked("Updates the Port secret with the new Spacelift jwt token"),
        ["trigger"] = new JsonObject
        {
            ["type"] = "automation",
            ["event"] = new JsonObject { ["type"] = "RUN_UPDATED", ["actionIdentifier"] = inputs.Identifiers.RefreshAction },
            ["condition"] = new JsonObject
            {
                ["type"] = "JQ",
                // Spacelift refuses a wrong key with HTTP 200 and apiKeyUser: null, which Port marks SUCCESS;
                // the second expression keeps such a run from writing a null token (docs/differences-from-guide.md).
                ["expressions"] = new JsonArray(".diff.after.status == \"SUCCESS\"", ".diff.after.response.data.apiKeyUser.jwt != null"),
                ["combinator"] = "and",
            },
        },
        ["invocationMethod"] = Webhook(
            inputs.TokenSecretUrl,
            "PATCH",
            new JsonObject(),
            new JsonObject
            {
                // The guide's template, double space included, so the golden comparison stays exact.
                ["secretValue"] = "{{ .event.diff.after.response.data.apiKeyUser.jwt  }}",
                // The guide writes "Refreshed Spacelift API token", which drops the owner mark and the expiry,
                // so the next up re-minted a token that was fine: this is what up itself writes.
                ["description"] = inputs.Marked(ResourceNames.ManagedSecretDescription) + ValidUntilMark.Template(".event.diff.after.response.data.apiKeyUser.validUntil"),
            }),
        ["publish"] = true,
    };

    /// <summary>
    /// One stack's entity. Absent data (a null description, say) is left out rather than sent as null,
    /// so the body matches what Port gives back and never shows a perpetual diff.
    /// </summary>
    public static JsonObject Entity(IntegrationInputs inputs, SpaceliftStack stack)
    {
        var properties = new JsonObject();
        AddIfPresent(properties, "space", stack.Space);
        properties["label"] = new JsonArray([.. (stack.Labels ?? []).Select(l => (JsonNode?)JsonValue.Create(l))]);
        AddIfPresent(properties, "description", stack.Description);
        AddIfPresent(properties, "repository", stack.Repository);
        properties["link"] = inputs.StackLink(stack.Id);
        AddIfPresent(properties, "state", stack.State);
        AddIfPresent(properties, "git_provider", stack.Provider);
        AddIfPresent(properties, "branch", stack.Branch);
        return new JsonObject
        {
            ["identifier"] = stack.Id,
            ["title"] = stack.Name,
            ["properties"] = properties,
            ["relations"] = new JsonObject(),
        };
    }

    private static DesiredResource SecretResource(IntegrationInputs inputs, string name, Secret? value) => new(
        new ResourceAddress(ResourceKind.Secret, name),
        new JsonObject { ["secretName"] = name, ["description"] = inputs.Marked(ResourceNames.ManagedSecretDescription) },
        value);

    private static JsonObject StringProperty(string title) => new() { ["type"] = "string", ["title"] = title };

    private static JsonObject Webhook(string url, string method, JsonObject headers, JsonObject body) => new()
    {
        ["type"] = "WEBHOOK",
        ["url"] = url,
        ["agent"] = false,
        ["synchronized"] = true,
        ["method"] = method,
        ["headers"] = headers,
        ["body"] = body,
    };

    private static void AddIfPresent(JsonObject properties, string key, string? value)
    {
        if (value is not null)
        {
            properties[key] = value;
        }
    }
}

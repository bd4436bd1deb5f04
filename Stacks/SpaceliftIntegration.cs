using System.Text.Json.Nodes;
using Infra.Sdk;
using Infra.Sdk.Spacelift;

namespace Infra.Stacks;

/// <summary>
/// The program: the Spacelift integration, declared. It reads its inputs (<see cref="IntegrationConfig"/>)
/// and the Spacelift stacks, and declares the guide's blueprint, secrets, actions and automation, who may
/// run the actions, the self-renewing token and live updates when they are on, and one entity per stack,
/// each with what it depends on.
/// The bodies are pure data: the same inputs and stacks always give the same graph.
/// </summary>
public sealed class SpaceliftIntegration : IStackProgram
{
    public async Task<ResourceGraph> DeclareAsync(ProgramContext context, CancellationToken cancellationToken)
    {
        var inputs = await TeamNamesConfig.ResolveAsync(IntegrationConfig.Read(context), context, cancellationToken).ConfigureAwait(false);
        if (!context.ReadsData)
        {
            return Declare(inputs, new SpaceliftRead<SpaceliftStack>([], new DataRead("Spacelift", "stacks", 0)), withNotes: false);
        }

        var account = context.Service<ISpaceliftAccount>();
        var stacks = await account.ReadStacksAsync(cancellationToken).ConfigureAwait(false);
        var catalogue = inputs.Catalogue is { } full ? await CatalogueData.ReadAsync(account, full, stacks, cancellationToken).ConfigureAwait(false) : null;
        IReadOnlyList<Diagnostic> teamWarnings = [];
        if (inputs.TeamLabelPrefix is { } prefix)
        {
            (var byStack, teamWarnings) = await StackTeams.ResolveAsync(prefix, stacks.Items, context.Service<Infra.Sdk.Port.IPortOrganisation>(), cancellationToken).ConfigureAwait(false);
            inputs = inputs with { StackTeams = byStack };
        }

        var graph = Declare(inputs, stacks, withNotes: true, catalogue);
        return teamWarnings.Count == 0 ? graph : graph with { Diagnostics = [.. graph.Diagnostics, .. teamWarnings] };
    }

    /// <summary>The graph for stacks read whole (the golden files and most tests).</summary>
    public static ResourceGraph Declare(IntegrationInputs inputs, IReadOnlyList<SpaceliftStack> stacks)
        => Declare(inputs, new SpaceliftRead<SpaceliftStack>(stacks, new DataRead("Spacelift", "stacks", stacks.Count)), withNotes: false);

    /// <param name="withNotes">Add the note about who may start runs (what <c>preview</c> and <c>up</c> say).</param>
    /// <param name="catalogue">The spaces and runs read for the full catalogue (<see cref="IntegrationInputs.Catalogue"/>); none read when null.</param>
    public static ResourceGraph Declare(IntegrationInputs inputs, SpaceliftRead<SpaceliftStack> stacks, bool withNotes, CatalogueData? catalogue = null)
    {
        var check = StackDataRules.Check(stacks.Items);
        var names = inputs.Names;
        var blueprint = new ResourceAddress(ResourceKind.Blueprint, inputs.Blueprint);
        var keyId = new ResourceAddress(ResourceKind.Secret, names.ApiKeyIdSecret);
        var keySecret = new ResourceAddress(ResourceKind.Secret, names.ApiKeySecretSecret);
        var token = new ResourceAddress(ResourceKind.Secret, names.TokenSecret);
        var trigger = new ResourceAddress(ResourceKind.Action, names.TriggerAction);
        var refresh = new ResourceAddress(ResourceKind.Action, names.RefreshAction);
        var resources = new List<DesiredResource>
        {
            new(blueprint, Blueprint(inputs)),
            SecretResource(inputs, keyId, new SecretValue.Given(inputs.ApiKeyId)),
            SecretResource(inputs, keySecret, new SecretValue.Given(inputs.ApiKeySecret)),
            SecretResource(inputs, token, new SecretValue.Minted(inputs.TokenMinter, TokenRenewalLoop.RenewWithin(inputs), [keyId, keySecret])),
            // The trigger's user input names the blueprint, and its headers the token secret.
            new(trigger, TriggerAction(inputs)) { DependsOn = [blueprint, token] },
            new(refresh, RefreshAction(inputs)) { DependsOn = [keyId, keySecret] },
        };
        resources.AddRange(WhoMayRun.Declare(inputs));
        // It runs after the refresh action and writes the token secret.
        resources.Add(new(new ResourceAddress(ResourceKind.Automation, names.TokenAutomation), TokenAutomation(inputs)) { DependsOn = [refresh, token] });
        if (inputs.Live is { } live)
        {
            resources.AddRange(LiveStateWebhooks.Declare(inputs, live));
        }

        var loop = inputs.RenewalLoop is { } renewal ? TokenRenewalLoop.Declare(inputs, renewal, token, refresh, [keyId, keySecret]) : null;
        resources.AddRange(loop?.Resources ?? []);

        var entities = check.Accepted.Select(s => new DesiredResource(new ResourceAddress(ResourceKind.Entity, s.Id, inputs.Blueprint), Entity(inputs, s))).ToList();
        // The data rules know stacks, not blueprints: their entity addresses get it here.
        var diagnostics = check.Diagnostics.Select(d => d.Address is { } a && a.Kind == ResourceKind.Entity ? d with { Address = a with { Blueprint = inputs.Blueprint } } : d).ToList();
        if (withNotes)
        {
            diagnostics.AddRange(WhoMayRun.Notes(inputs));
        }

        EntitySet stackSet = new(inputs.Blueprint, entities, stacks.Read) { Keep = check.RejectedIds };
        var graph = new ResourceGraph(resources, loop is null ? [stackSet] : [stackSet, loop.Leases])
        {
            Diagnostics = diagnostics,
            Notices = [SpareSecretNotice(inputs)],
            Checks = loop is null ? [] : [loop.Check],
            Outputs = [.. Outputs(inputs, blueprint, token), .. loop?.Outputs ?? []],
        };
        return inputs.Catalogue is null ? graph : FullCatalogue.Extend(graph, inputs, check, catalogue ?? CatalogueData.None);
    }

    /// <summary>
    /// The stack's outputs: the identifiers other commands (verify) look up by name, and what Pulumi
    /// reports after an update (the blueprint's id, the number of entities, the token's expiry).
    /// </summary>
    private static List<ProgramOutput> Outputs(IntegrationInputs inputs, ResourceAddress blueprint, ResourceAddress token)
    {
        var names = inputs.Names;
        var outputs = new List<ProgramOutput>
        {
            new ProgramOutput.IdOf("blueprintId", blueprint),
            new ProgramOutput.EntityCount("entityCount", inputs.Blueprint),
            new ProgramOutput.ExpiryOf("tokenValidUntil", token),
            new ProgramOutput.Text(VerifyOutputs.Blueprint, inputs.Blueprint),
            new ProgramOutput.Text(VerifyOutputs.TriggerAction, names.TriggerAction),
            new ProgramOutput.Text(VerifyOutputs.RefreshAction, names.RefreshAction),
            new ProgramOutput.Text(VerifyOutputs.TokenAutomation, names.TokenAutomation),
            new ProgramOutput.Text(VerifyOutputs.TokenSecret, names.TokenSecret),
        };
        if (inputs.Permissions.Protected is { } shielded)
        {
            outputs.Add(new ProgramOutput.Text(VerifyOutputs.ProtectedLabel, shielded.Label));
        }

        if (inputs.Live is not null)
        {
            outputs.Add(new ProgramOutput.Text(VerifyOutputs.LiveUpdatesWebhook, inputs.LiveNames.PortWebhook));
        }

        return outputs;
    }

    /// <summary>
    /// The guide names the API key secret <c>SPACELIFT_API_SECRET</c> in one place; organisations set up
    /// from it often hold that one too. Nothing declared reads it, so it is noted, not managed.
    /// </summary>
    private static LiveNotice SpareSecretNotice(IntegrationInputs inputs)
    {
        var address = new ResourceAddress(ResourceKind.Secret, ResourceNames.GuideSpareSecret);
        var url = new Uri(inputs.PortBaseUrl, "v1/organization/secrets/" + ResourceNames.GuideSpareSecret);
        return new LiveNotice(address, new Diagnostic(
            Severity.Info,
            $"Port holds {ResourceNames.GuideSpareSecret}, the guide's second name for the API key secret: it is not managed here and no declared action reads it "
            + $"(they read {inputs.Names.ApiKeySecretSecret}); if nothing else uses it, delete it in Port's UI (the organisation's secrets) "
            + $"or with: curl -X DELETE -H \"Authorization: Bearer $PORT_TOKEN\" {url}",
            address));
    }

    /// <summary>
    /// The guide's blueprint; the identifier comes from configuration, and the description (the guide
    /// has none) carries the owner mark, which the blueprint's entities share.
    /// </summary>
    public static JsonObject Blueprint(IntegrationInputs inputs) => new()
    {
        ["identifier"] = inputs.Blueprint,
        ["title"] = inputs.Names.Title("SpaceLift Stack", inputs.SpaceliftEndpoint),
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
        ["identifier"] = inputs.Names.TriggerAction,
        ["title"] = inputs.Names.Title("Trigger Spacelift Stack", inputs.SpaceliftEndpoint),
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
                ["Authorization"] = "Bearer {{.secrets." + inputs.Names.TokenSecret + "}}",
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
        ["identifier"] = inputs.Names.RefreshAction,
        ["title"] = inputs.Names.Title("Refresh Spacelift Token", inputs.SpaceliftEndpoint),
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
                    ["id"] = "{{.secrets." + inputs.Names.ApiKeyIdSecret + "}}",
                    ["secret"] = "{{.secrets." + inputs.Names.ApiKeySecretSecret + "}}",
                },
            }),
        ["requiredApproval"] = false,
    };

    public static JsonObject TokenAutomation(IntegrationInputs inputs) => new()
    {
        ["identifier"] = inputs.Names.TokenAutomation,
        ["title"] = inputs.Names.Title("Refresh Spacelift Token", inputs.SpaceliftEndpoint),
        ["description"] = inputs.Marked("Updates the Port secret with the new Spacelift jwt token"),
        ["trigger"] = new JsonObject
        {
            ["type"] = "automation",
            ["event"] = new JsonObject { ["type"] = "RUN_UPDATED", ["actionIdentifier"] = inputs.Names.RefreshAction },
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
                ["description"] = inputs.Marked(ResourceNames.ManagedSecretDescription) + SecretRecord.ValidUntilTemplate(".event.diff.after.response.data.apiKeyUser.validUntil"),
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
        var entity = new JsonObject
        {
            ["identifier"] = stack.Id,
            ["title"] = stack.Name,
            ["properties"] = properties,
            ["relations"] = new JsonObject(),
        };
        if (inputs.StackTeams.TryGetValue(stack.Id, out var teams))
        {
            entity["team"] = new JsonArray([.. teams.Select(t => (JsonNode?)JsonValue.Create(t))]);
        }

        return entity;
    }

    private static DesiredResource SecretResource(IntegrationInputs inputs, ResourceAddress address, SecretValue value) => new(
        address,
        new JsonObject { ["secretName"] = address.Id, ["description"] = inputs.Marked(ResourceNames.ManagedSecretDescription) })
    {
        Value = value,
    };

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

using System.Text.Json.Nodes;
using Infra.Sdk;
using Infra.Cli.PulumiMode.Inputs;
using Infra.Cli.Spacelift;
using Infra.Stacks;
using Infra.Tests.Support;

namespace Infra.Tests.PulumiMode;

/// <summary>
/// Pins the renderer's output (PulumiMode/Golden/*.json): the Port provider inputs each declared body
/// becomes, and checks each against the provider's schema. Regenerate deliberately with
/// UPDATE_GOLDEN=1 (Support/GoldenFiles), as for the REST goldens.
/// </summary>
public sealed class ProviderInputsGoldenTests
{
    public static TheoryData<string> Names => [.. Rendered().Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void RenderedInputsMatchTheirGoldenFile(string name)
    {
        var actual = Rendered()[name].Inputs.ToJsonString(GoldenDeclaration.Indented) + "\n";

        GoldenFiles.Verify($"PulumiMode/Golden/{name}.json", actual, "FullyQualifiedName~ProviderInputsGoldenTests");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void RenderedInputsAreValidForTheProviderSchema(string name)
    {
        var (type, inputs) = Rendered()[name];
        if (type == "port:index/organizationSecret:OrganizationSecret")
        {
            // The executor adds the value as a secret; the schema requires it.
            inputs[SecretInputs.ValueInput] = new JsonObject { [ProviderSchema.SecretKey] = ProviderSchema.SecretSignature, ["value"] = "v" };
        }

        Assert.Empty(ProviderSchema.Port.Validate(type, inputs));
    }

    [Fact]
    public void EveryKindDescribesItsOwnProviderInputs()
    {
        // Pulumi mode reads the renderer from its table; a kind without one could not be registered.
        // Spacelift kinds have no Port provider (Pulumi mode refuses a graph that declares them).
        Assert.All(ResourceKind.All.Where(k => k.Service == ResourceService.Port), kind => Assert.NotNull(ProviderInputs.For(kind)));
    }

    [Fact]
    public void WebhookBodyIsJsonTextInGoCanonicalForm()
    {
        var body = new JsonObject
        {
            ["type"] = "WEBHOOK",
            ["url"] = "https://x",
            ["agent"] = false,
            ["synchronized"] = true,
            ["method"] = "POST",
            ["headers"] = new JsonObject(),
            ["body"] = new JsonObject { ["z"] = "a<b>&c", ["a"] = new JsonArray(1, "\u2028") },
        };
        var action = new JsonObject
        {
            ["identifier"] = "a",
            ["trigger"] = new JsonObject { ["type"] = "self-service", ["operation"] = "DAY-2" },
            ["invocationMethod"] = body,
        };

        var webhook = new ActionInputs().Render(action, new ResourceAddress(ResourceKind.Action, "a"))["webhookMethod"]!.AsObject();

        Assert.Equal("{\"a\":[1,\"\\u2028\"],\"z\":\"a\\u003cb\\u003e\\u0026c\"}", webhook["body"]!.GetValue<string>());
        Assert.Equal("false", webhook["agent"]!.GetValue<string>());
        Assert.Equal("true", webhook["synchronized"]!.GetValue<string>());
        Assert.Null(webhook["headers"]);
    }

    [Fact]
    public void AKeptEntityWithoutATitleAndWithRelationsIsValidForTheSchema()
    {
        // A rejected stack's live entity, registered as Port holds it: no title, relations of each shape.
        var entity = new JsonObject
        {
            ["identifier"] = "e",
            ["properties"] = new JsonObject(),
            ["relations"] = new JsonObject { ["owner"] = "team", ["members"] = new JsonArray("a", "b"), ["gone"] = null },
        };

        var inputs = new EntityInputs().Render(entity, new ResourceAddress(ResourceKind.Entity, "e", "bp"));

        Assert.Empty(ProviderSchema.Port.Validate("port:index/entity:Entity", inputs));
        Assert.Equal("", inputs["title"]!.GetValue<string>());
        Assert.Equal("{\"singleRelations\":{\"owner\":\"team\"},\"manyRelations\":{\"members\":[\"a\",\"b\"]}}", inputs["relations"]!.ToJsonString());
    }

    [Theory]
    [InlineData("\"platform\"", "[\"platform\"]")]
    [InlineData("[\"platform\",\"sre\"]", "[\"platform\",\"sre\"]")]
    public void AnEntitysTeamIsRenderedAsTheProvidersTeamsList(string team, string teams)
    {
        var entity = new JsonObject { ["identifier"] = "e", ["title"] = "e", ["team"] = JsonNode.Parse(team), ["properties"] = new JsonObject() };

        var inputs = new EntityInputs().Render(entity, new ResourceAddress(ResourceKind.Entity, "e", "bp"));

        Assert.Empty(ProviderSchema.Port.Validate("port:index/entity:Entity", inputs));
        Assert.Equal(teams, inputs["teams"]!.ToJsonString());
        Assert.False(inputs.ContainsKey("team"));
    }

    [Fact]
    public void AnEntityWithNoTeamLeavesTheProvidersTeamsUnset()
    {
        var entity = new JsonObject { ["identifier"] = "e", ["title"] = "e", ["team"] = new JsonArray(), ["properties"] = new JsonObject() };

        var inputs = new EntityInputs().Render(entity, new ResourceAddress(ResourceKind.Entity, "e", "bp"));

        Assert.False(inputs.ContainsKey("teams"));
    }

    [Fact]
    public void ARelationTheRendererCannotMapIsRefusedRatherThanDropped()
    {
        var entity = new JsonObject { ["identifier"] = "e", ["title"] = "e", ["properties"] = new JsonObject(), ["relations"] = new JsonObject { ["owner"] = 3 } };

        var error = Assert.Throws<NotSupportedException>(() => new EntityInputs().Render(entity, new ResourceAddress(ResourceKind.Entity, "e", "bp")));

        Assert.Contains("relation 'owner'", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, (string Type, JsonObject Inputs)> Rendered()
    {
        var declaration = SpaceliftIntegration.Declare(GoldenDeclaration.Inputs, [GoldenDeclaration.Sample]);
        var result = new Dictionary<string, (string, JsonObject)>(StringComparer.Ordinal);
        foreach (var resource in declaration.All)
        {
            result[GoldenDeclaration.FileName(resource)] = (resource.Address.Type, ProviderInputs.For(resource.Address.Kind)!.Render(resource.Body, resource.Address));
        }

        var shielded = ResourceKind.ActionPermissions;
        result["trigger_spacelift_stack.permissions-protected"] = (shielded.TypeToken, ProviderInputs.For(shielded)!.Render(WhoMayRun.TriggerPermissions(GoldenDeclaration.Protected), new ResourceAddress(shielded, "trigger_spacelift_stack")));

        return result;
    }
}

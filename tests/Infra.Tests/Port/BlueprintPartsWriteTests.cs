using System.Text.Json.Nodes;
using Emulators.Hosting;
using Infra.Cli.Config;
using Infra.Cli.Http;
using Infra.Cli.Port;
using Infra.Sdk;

namespace Infra.Tests.Port;

/// <summary>
/// Against the Port emulator: a blueprint's aggregation properties are written, narrowed and deleted by
/// rewriting the whole blueprint, so what is no longer declared goes whatever Port's PATCH does to a keyed map
/// (the emulator's merges it key by key); and a blueprint relating to itself is created where Port refuses a
/// relation to a blueprint that does not exist yet.
/// </summary>
public sealed class BlueprintPartsWriteTests
{
    private static readonly JsonObject Stack = Blueprint("stack");

    private static readonly JsonObject Run = Blueprint("run", new JsonObject { ["stack"] = new JsonObject { ["title"] = "Stack", ["target"] = "stack", ["required"] = true, ["many"] = false } });

    [Fact]
    public async Task AggregationPropertiesAreWrittenNarrowedAndDeletedSoTheirTargetCanGo()
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = 0 });
        var (port, resources) = Connect(host);
        await resources.CreateAsync(ResourceKind.Blueprint, Stack, null, CancellationToken.None);
        await resources.CreateAsync(ResourceKind.Blueprint, Run, null, CancellationToken.None);

        await resources.CreateAsync(ResourceKind.AggregationProperties, Aggregations("runs", "failed"), null, CancellationToken.None);
        Assert.Equal(["failed", "runs"], await AggregationsOfAsync(port));

        await resources.UpdateAsync(ResourceKind.AggregationProperties, "stack", Aggregations("runs"), null, CancellationToken.None);
        Assert.Equal(["runs"], await AggregationsOfAsync(port));

        await resources.DeleteAsync(ResourceKind.AggregationProperties, "stack", CancellationToken.None);
        Assert.Empty(await AggregationsOfAsync(port));
        // Nothing refers to the run blueprint any more but its own relation's target: it can go, then the stack's.
        await resources.DeleteAsync(ResourceKind.Blueprint, "run", CancellationToken.None);
        await resources.DeleteAsync(ResourceKind.Blueprint, "stack", CancellationToken.None);
        Assert.Null(await port.GetAsync(ResourceKind.Blueprint, "stack", CancellationToken.None));
    }

    [Fact]
    public async Task DeletingTheAggregationsOfABlueprintAlreadyGoneDoesNothing()
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = 0 });
        var (_, resources) = Connect(host);

        await resources.DeleteAsync(ResourceKind.AggregationProperties, "stack", CancellationToken.None);
        var error = await Assert.ThrowsAsync<PortApiException>(() => resources.UpdateAsync(ResourceKind.AggregationProperties, "stack", Aggregations("runs"), null, CancellationToken.None));
        Assert.Contains("'stack'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ABlueprintRelatingToItselfIsCreatedWithItsRelationUnderEitherAnswer(bool selfRelationOnCreate)
    {
        var options = new EmulatorOptions { Stacks = 0 };
        await using var host = await EmulatorHost.StartAsync(options with { PortRelations = options.PortRelations with { SelfRelationOnCreate = selfRelationOnCreate } });
        var (port, resources) = Connect(host);
        var space = Blueprint("space", new JsonObject { ["parent"] = new JsonObject { ["title"] = "Parent", ["target"] = "space", ["required"] = false, ["many"] = false } });

        await resources.CreateAsync(ResourceKind.Blueprint, space, null, CancellationToken.None);

        var live = await port.GetAsync(ResourceKind.Blueprint, "space", CancellationToken.None);
        Assert.Equal("space", live!["relations"]!["parent"]!["target"]!.GetValue<string>());
    }

    private static (IPortClient Port, PortResources Resources) Connect(EmulatorHost host)
    {
        var port = PortClient.Create(new PortSettings(host.PortUrl, host.Options.PortClientId, new Secret(host.Options.PortClientSecret)), new ClientOptions(MaxRetries: 0));
        return (port, new PortResources(port));
    }

    private static async Task<List<string>> AggregationsOfAsync(IPortClient port)
    {
        var live = await port.GetAsync(ResourceKind.Blueprint, "stack", CancellationToken.None);
        return [.. (live!["aggregationProperties"] as JsonObject ?? []).Select(p => p.Key).Order(StringComparer.Ordinal)];
    }

    private static JsonObject Blueprint(string identifier, JsonObject? relations = null) => new()
    {
        ["identifier"] = identifier,
        ["title"] = identifier,
        ["schema"] = new JsonObject { ["properties"] = new JsonObject(), ["required"] = new JsonArray() },
        ["relations"] = relations ?? new JsonObject(),
    };

    /// <summary>Counts of the stack's runs, one per name.</summary>
    private static JsonObject Aggregations(params string[] names)
    {
        var properties = new JsonObject();
        foreach (var name in names)
        {
            properties[name] = new JsonObject
            {
                ["title"] = name,
                ["type"] = "number",
                ["target"] = "run",
                ["calculationSpec"] = new JsonObject { ["calculationBy"] = "entities", ["func"] = "count" },
            };
        }

        return new JsonObject { ["blueprintIdentifier"] = "stack", ["aggregationProperties"] = properties };
    }
}

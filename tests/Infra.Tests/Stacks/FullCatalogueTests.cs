using System.Text.Json.Nodes;
using Emulators.Jq;
using Infra.Cli.Config;
using Infra.Cli.Decisions;
using Infra.Sdk;
using Infra.Sdk.Spacelift;
using Infra.Stacks;
using Infra.Tests.Support;

namespace Infra.Tests.Stacks;

/// <summary>The full catalogue as the program declares it: its switch, its graph, and what its webhook writes.</summary>
public sealed class FullCatalogueTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static readonly IntegrationInputs Inputs = new IntegrationInputs(
        "space_lift_stack",
        new Uri("https://api.getport.io/"),
        new Uri("https://acme.app.spacelift.io/"),
        new Secret("id"),
        new Secret("secret")) { Catalogue = new Catalogue(3) };

    private static readonly SpaceliftSpace[] Spaces =
    [
        new("prod-01ABC", "prod", "Production", "root", true, ["env:prod"]),
        new("root", "root", null, null, false, []),
        new("orphan-01DEF", "orphan", null, "invisible", true, []),
    ];

    private static readonly SpaceliftStack[] Stacks =
    [
        new("network", "Network", "prod-01ABC", null, [], "infra", "FINISHED", "GITHUB", "main"),
        new("dns", "DNS", "elsewhere", null, [], "infra", "NONE", "GITHUB", "main"),
        new("flaky", "Flaky", "root", null, [], "infra", "FAILED", "GITHUB", "main"),
    ];

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("guide", "7", null)]
    [InlineData("full", null, 10)]
    [InlineData("full", "25", 25)]
    public void TheSwitchChoosesTheCatalogueAndTheGuidesIsTheDefault(string? catalogue, string? runs, int? expected)
    {
        var values = new Dictionary<string, string>();
        if (catalogue is not null)
        {
            values["infra:catalogue"] = catalogue;
        }

        if (runs is not null)
        {
            values["infra:runsPerStack"] = runs;
        }

        Assert.Equal(expected, CatalogueConfig.Read(new TestStackConfig(values))?.RunsPerStack);
    }

    [Theory]
    [InlineData("infra:catalogue", "everything", "must be 'guide'")]
    [InlineData("infra:runsPerStack", "0", "between 1 and 100")]
    [InlineData("infra:runsPerStack", "101", "between 1 and 100")]
    public void ABadValueIsOneErrorNamingTheKey(string key, string value, string problem)
    {
        var values = new Dictionary<string, string> { ["infra:catalogue"] = "full", [key] = value };

        var error = Assert.Throws<ConfigException>(() => CatalogueConfig.Read(new TestStackConfig(values)));

        Assert.Contains($"'{key}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BlueprintsComeInTheOrderPortAcceptsThemAndTheNumbersAfterBoth()
    {
        var graph = Declare(History());

        var order = DependencyOrder.Sort(graph.Resources, r => r.Address, Dependencies.Of).Select(r => r.Address.ToString()).ToList();
        int At(string what) => order.IndexOf(what);
        Assert.True(At("port:index/blueprint:Blueprint spacelift_space") < At("port:index/blueprint:Blueprint space_lift_stack"));
        Assert.True(At("port:index/blueprint:Blueprint space_lift_stack") < At("port:index/blueprint:Blueprint spacelift_run"));
        Assert.True(At("port:index/blueprint:Blueprint spacelift_run") < At("port:index/aggregationProperties:AggregationProperties space_lift_stack"));
        var stackBlueprint = graph.Resources.Single(r => r.Address == new ResourceAddress(ResourceKind.Blueprint, "space_lift_stack")).Body;
        // The guide's properties stay as they are: the guide's entities still match.
        var guide = SpaceliftIntegration.Blueprint(Inputs)["schema"]!["properties"]!.AsObject();
        Assert.All(guide, p => Assert.True(JsonNode.DeepEquals(p.Value, stackBlueprint["schema"]!["properties"]![p.Key])));
        Assert.Equal(["spacelift_space", "space_lift_stack", "spacelift_run"], DependencyOrder.Sort(graph.EntitySets, s => Dependencies.SetAddress(s.Blueprint), Dependencies.Of).Select(s => s.Blueprint));
    }

    [Fact]
    public void ARelationToSomethingNotInTheCatalogueIsLeftOutAndSaidNeverSentToFail()
    {
        var graph = Declare(History());

        var spaces = Set(graph, "spacelift_space");
        Assert.Equal("root", Relation(spaces, "prod-01ABC", "parentSpace"));
        Assert.Null(Relation(spaces, "orphan-01DEF", "parentSpace"));
        Assert.Contains(graph.Diagnostics, d => d.Message == "space 'orphan-01DEF' is declared without its parent 'invisible', which is not among the spaces Spacelift listed");
        var stacks = Set(graph, "space_lift_stack");
        Assert.Equal("prod-01ABC", Relation(stacks, "network", "spacelift_space"));
        Assert.Null(Relation(stacks, "dns", "spacelift_space"));
        Assert.Contains(graph.Diagnostics, d => d.Message.StartsWith("1 stack is declared without a space relation: 'dns'", StringComparison.Ordinal));
        Assert.Equal("network", Relation(Set(graph, "spacelift_run"), "r3", "stack"));
    }

    [Fact]
    public void WhenSpacesCannotBeReadEachStackKeepsItsSpaceRelation()
    {
        var graph = SpaceliftIntegration.Declare(Inputs, Read(Stacks), withNotes: false,
            new CatalogueData(new SpaceliftRead<SpaceliftSpace>([], new DataRead("Spacelift", "spaces", 0, "internal error")), History()));

        Assert.Equal("elsewhere", Relation(Set(graph, "space_lift_stack"), "dns", "spacelift_space"));
        Assert.True(Set(graph, "spacelift_space").Source.Failed);
    }

    [Fact]
    public void AStackWithTheLatestRunsItsLatestRunsTimeAndOnlyThoseRunsArePrunedThatTheReadSaw()
    {
        var graph = Declare(History());

        var stacks = Set(graph, "space_lift_stack");
        Assert.Equal("2026-11-28T11:00:00Z", Entity(stacks, "network")["properties"]!["latest_run_at"]!.GetValue<string>());
        Assert.False(Entity(stacks, "dns")["properties"]!.AsObject().ContainsKey("latest_run_at"));
        var runs = Set(graph, "spacelift_run");
        Assert.Equal(["r1", "r2", "r3"], runs.Entities.Select(e => e.Address.Id).Order(StringComparer.Ordinal));
        var scope = runs.Prune!;
        Assert.Equal(Now.AddHours(-1), scope.Horizons["network"]);
        Assert.Equal(DateTimeOffset.MinValue, scope.Horizons["dns"]);
    }

    [Fact]
    public void AStackWhoseRunsCouldNotBeReadIsLeftAsPortHoldsItAndTheRunsAreHeld()
    {
        var failed = History() with
        {
            Failures = new Dictionary<string, string> { ["flaky"] = "internal error" },
            Read = new DataRead("Spacelift", "runs", 3, "the runs of 1 stack could not be read: 'flaky' (internal error)"),
        };

        var graph = Declare(failed);

        var stacks = Set(graph, "space_lift_stack");
        Assert.DoesNotContain(stacks.Entities, e => e.Address.Id == "flaky");
        Assert.Contains("flaky", stacks.Keep);
        Assert.True(Set(graph, "spacelift_run").Source.Failed);
        var holds = ReadHolds.Decide(graph, [], new Dictionary<ResourceAddress, string>(), new SecretMasker());
        Assert.True(holds.HoldsEntitiesOf("spacelift_run"));
        Assert.True(holds.HoldsDeletionsOf("space_lift_stack"));
    }

    [Fact]
    public async Task RunsAreNotReadWhenTheStacksCouldNotBeReadWhole()
    {
        var account = new CountingAccount();

        var data = await CatalogueData.ReadAsync(account, new Catalogue(3), new SpaceliftRead<SpaceliftStack>(Stacks, new DataRead("Spacelift", "stacks", 3, "page 2 failed")), CancellationToken.None);

        Assert.Equal(0, account.RunReads);
        Assert.True(data.Runs.Read.Failed);
        Assert.Contains("page 2 failed", data.Runs.Read.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void WhatTheWebhookWritesForARunIsWhatUpDeclaresForIt()
    {
        var run = new SpaceliftRun("01RUN", "network", "TRACKED", "FINISHED", "main", Now.AddMinutes(-10), Now, "alice@acme.example", false,
            new SpaceliftCommit("0ee3a3b7", "Update demo.tf", "Alice", "alice"), new SpaceliftDelta(1, 2, 0, 14));
        // Spacelift's default run_updated payload (user-documentation docs/integrations/webhooks.md).
        var payload = JsonNode.Parse($$"""
            {
              "account": "acme", "state": "FINISHED", "stateVersion": 6, "timestamp": {{Now.ToUnixTimeSeconds()}},
              "run": {
                "id": "01RUN", "branch": "main",
                "commit": { "authorLogin": "alice", "authorName": "Alice", "hash": "0ee3a3b7", "message": "Update demo.tf", "timestamp": 1796000000, "url": "https://github.com/acme/infra/commit/0ee3a3b7" },
                "createdAt": {{Now.AddMinutes(-10).ToUnixTimeSeconds()}},
                "delta": { "added": 1, "changed": 2, "deleted": 0, "resources": 14 },
                "triggeredBy": "alice@acme.example", "type": "TRACKED"
              },
              "stack": { "id": "network", "name": "Network", "description": "", "labels": [] }
            }
            """)!;
        var input = new JsonObject { ["body"] = payload };

        var mapping = CatalogueWebhookMappings.Run(Inputs);
        Assert.True(JsonValues.IsTruthy(Jq(mapping["filter"]!, input)));
        var entity = (JsonObject)mapping["entity"]!;
        var written = new JsonObject
        {
            ["identifier"] = Jq(entity["identifier"]!, input),
            ["title"] = Jq(entity["title"]!, input),
            ["properties"] = new JsonObject([.. ((JsonObject)entity["properties"]!).Select(p => KeyValuePair.Create(p.Key, Jq(p.Value!, input)))]),
            ["relations"] = new JsonObject([.. ((JsonObject)entity["relations"]!).Select(p => KeyValuePair.Create(p.Key, Jq(p.Value!, input)))]),
        };

        Assert.True(JsonNode.DeepEquals(CatalogueEntities.Run(Inputs, run), written), written.ToJsonString());
        var latest = (JsonObject)CatalogueWebhookMappings.LatestRun(Inputs)["entity"]!["properties"]!;
        Assert.Equal(CatalogueEntities.Time(run.CreatedAt), Jq(latest["latest_run_at"]!, input)!.GetValue<string>());
    }

    private static ResourceGraph Declare(SpaceliftRunHistory runs)
        => SpaceliftIntegration.Declare(Inputs, Read(Stacks), withNotes: false,
            new CatalogueData(new SpaceliftRead<SpaceliftSpace>(Spaces, new DataRead("Spacelift", "spaces", Spaces.Length)), runs));

    private static SpaceliftRead<SpaceliftStack> Read(IReadOnlyList<SpaceliftStack> stacks) => new(stacks, new DataRead("Spacelift", "stacks", stacks.Count));

    private static SpaceliftRunHistory History() => new(
        new Dictionary<string, IReadOnlyList<SpaceliftRun>>
        {
            ["network"] = [Run("r3", -1), Run("r2", -30), Run("r1", -90)],
            ["dns"] = [],
            ["flaky"] = [],
        },
        new HashSet<string>(),
        new Dictionary<string, string>(),
        new DataRead("Spacelift", "runs", 3));

    private static SpaceliftRun Run(string id, int hours) => new(id, "network", "TRACKED", "FINISHED", "main", Now.AddHours(hours), Now.AddHours(hours).AddMinutes(5), null, false, null, null);

    private static EntitySet Set(ResourceGraph graph, string blueprint) => graph.EntitySets.Single(s => s.Blueprint == blueprint);

    private static JsonObject Entity(EntitySet set, string id) => set.Entities.Single(e => e.Address.Id == id).Body;

    private static string? Relation(EntitySet set, string id, string name) => Entity(set, id)["relations"]?[name]?.GetValue<string>();

    private static JsonNode? Jq(JsonNode expression, JsonNode input) => JqExpression.Parse(expression.GetValue<string>(), JqSyntax.PortMapping).Evaluate(input)?.DeepClone();

    private sealed class CountingAccount : ISpaceliftAccount
    {
        public int RunReads { get; private set; }

        public Uri Url => new("https://acme.app.spacelift.io/");

        public string ApiKeyId => "id";

        public Secret ApiKeySecret => new("secret");

        public ISecretMinter TokenMinter => throw new NotSupportedException();

        public Task<SpaceliftRead<SpaceliftStack>> ReadStacksAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<SpaceliftRead<SpaceliftSpace>> ReadSpacesAsync(CancellationToken cancellationToken)
            => Task.FromResult(new SpaceliftRead<SpaceliftSpace>([], new DataRead("Spacelift", "spaces", 0)));

        public Task<SpaceliftRunHistory> ReadRunsAsync(IReadOnlyList<string> stackIds, int tracked, CancellationToken cancellationToken)
        {
            RunReads++;
            return Task.FromResult(CatalogueData.None.Runs);
        }
    }
}

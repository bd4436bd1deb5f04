using System.Net;
using System.Text.Json.Nodes;
using Emulators.Port;
using Infra.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Infra.Tests.Emulators.Port.Catalogue.CatalogueJson;

namespace Infra.Tests.Emulators.Port.Catalogue;

/// <summary>
/// The catalogue's blueprints (Json/), created in the only order Port accepts (a relation's target first, a
/// relation to itself and the numbers over runs added once runs exist), hold spaces, stacks and runs, and the
/// stack shows its latest run and its tracked runs of the last 30 days as Port computes them.
/// </summary>
public sealed class CatalogueBlueprintTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);
    private PortTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await PortTestHost.StartAsync(new PortEmulatorOptions { Time = _clock });
        await _host.CreateBlueprintAsync(Read("spacelift_space.json"));
        await Send(HttpMethod.Patch, "/v1/blueprints/spacelift_space", Read("spacelift_space.relations.json"));
        await _host.CreateBlueprintAsync(GuideResources.Blueprint());
        await _host.CreateBlueprintAsync(Read("spacelift_run.json"));
        await Send(HttpMethod.Patch, "/v1/blueprints/space_lift_stack", Read("space_lift_stack.catalogue.json"));

        await Bulk("spacelift_space", Entity("root"), Entity("prod-01ABC", new() { ["parentSpace"] = "root" }, new() { ["name"] = "prod" }));
        await Bulk("space_lift_stack",
            Entity("network", new() { ["spacelift_space"] = "prod-01ABC" }, new() { ["space"] = "prod-01ABC", ["state"] = "FINISHED" }),
            Entity("dns", new() { ["spacelift_space"] = "root" }, new() { ["space"] = "root", ["state"] = "NONE" }));
        await Bulk("spacelift_run",
            Run("r1", "network", "FINISHED", Now.AddDays(-2)),
            Run("r2", "network", "FAILED", Now.AddDays(-10)),
            Run("r3", "network", "FINISHED", Now.AddDays(-40)),
            Run("r4", "dns", "FAILED", Now.AddDays(-1)));
        await Send(HttpMethod.Patch, "/v1/blueprints/space_lift_stack/entities/network", new JsonObject { ["relations"] = new JsonObject { ["latest_run"] = "r1" } });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TheStackShowsItsLatestRunAndCountsItsOwnRunsOfTheLast30Days()
    {
        var network = await StackAsync("network");
        var dns = await StackAsync("dns");

        Assert.Equal("FINISHED", network["latest_run_state"]!.GetValue<string>());
        Assert.Equal(Now.AddDays(-2).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"), network["latest_run_at"]!.GetValue<string>());
        Assert.Equal("PROD-01ABC", network["space_name"]!.GetValue<string>());
        Assert.Equal(2, network["tracked_runs_last_30_days"]!.GetValue<int>());
        Assert.Equal(1, network["failed_runs_last_30_days"]!.GetValue<int>());
        Assert.Null(dns["latest_run_state"]);
        Assert.Equal((1, 1), (dns["tracked_runs_last_30_days"]!.GetValue<int>(), dns["failed_runs_last_30_days"]!.GetValue<int>()));
    }

    [Fact]
    public async Task TheWindowMovesWithPortsClockAndAWebhookWrittenRunCountsAtOnce()
    {
        _clock.Advance(TimeSpan.FromDays(25));
        await _host.LoginAsync();
        var later = await StackAsync("network");
        await Bulk("spacelift_run", Run("r5", "network", "QUEUED", Now.AddDays(25)));
        var withNew = await StackAsync("network");

        Assert.Equal(1, later["tracked_runs_last_30_days"]!.GetValue<int>());
        Assert.Equal(2, withNew["tracked_runs_last_30_days"]!.GetValue<int>());
    }

    [Fact]
    public async Task CalculatedValuesComeInPropertiesUnlessExcludedAndNeverAsWritableProperties()
    {
        var (_, excluded) = await _host.GetAsync("/v1/blueprints/space_lift_stack/entities/network?exclude_calculated_properties=true");
        var (_, searched) = await _host.PostAsync("/v1/blueprints/space_lift_stack/entities/search",
            Parse("""{ "query": { "combinator": "and", "rules": [ { "property": "$identifier", "operator": "=", "value": "network" } ] } }"""));
        var (write, writeBody) = await _host.PostAsync("/v1/blueprints/space_lift_stack/entities?upsert=true&merge=true",
            Entity("network", properties: new() { ["tracked_runs_last_30_days"] = 7 }));

        Assert.False(excluded["entity"]!["properties"]!.AsObject().ContainsKey("tracked_runs_last_30_days"));
        Assert.Equal("FINISHED", excluded["entity"]!["properties"]!["state"]!.GetValue<string>());
        Assert.Equal(2, searched["entities"]![0]!["properties"]!["tracked_runs_last_30_days"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, write);
        Assert.Equal("blueprint_schema_mismatch", Error(writeBody));
    }

    [Fact]
    public async Task ASearchThatIgnoresTheFlagShowsCalculatedValuesAnyway()
    {
        await using var host = await PortTestHost.StartAsync(new PortEmulatorOptions
        {
            Time = _clock, Relations = new() { BlueprintSearchHonoursQueryFlags = false },
        });
        await host.CreateBlueprintAsync(Read("spacelift_space.json"));
        await host.CreateBlueprintAsync(GuideResources.Blueprint());
        await host.CreateBlueprintAsync(Read("spacelift_run.json"));
        var (patched, _) = await host.SendAsync(HttpMethod.Patch, "/v1/blueprints/space_lift_stack", Read("space_lift_stack.catalogue.json"));
        Assert.Equal(HttpStatusCode.OK, patched);
        await host.PostAsync("/v1/blueprints/space_lift_stack/entities", Entity("network"));

        var (_, honoured) = await _host.PostAsync("/v1/blueprints/space_lift_stack/entities/search?exclude_calculated_properties=true", new JsonObject());
        var (_, ignored) = await host.PostAsync("/v1/blueprints/space_lift_stack/entities/search?exclude_calculated_properties=true", new JsonObject());

        Assert.All(honoured["entities"]!.AsArray(), e => Assert.False(e!["properties"]!.AsObject().ContainsKey("tracked_runs_last_30_days")));
        Assert.Equal(0, ignored["entities"]![0]!["properties"]!["tracked_runs_last_30_days"]!.GetValue<int>());
    }

    [Fact]
    public async Task AStackWithRunsIsDeletedOnlyWithItsRunsAndItsSpaceAfterIt()
    {
        var (blocked, _) = await _host.SendAsync(HttpMethod.Delete, "/v1/blueprints/space_lift_stack/entities/network");
        var (runs, _) = await _host.PostAsync("/v1/blueprints/spacelift_run/bulk/entities/delete", Parse("""{ "entities": ["r1", "r2", "r3"] }"""));
        var (stack, _) = await _host.SendAsync(HttpMethod.Delete, "/v1/blueprints/space_lift_stack/entities/network");
        var (space, _) = await _host.SendAsync(HttpMethod.Delete, "/v1/blueprints/spacelift_space/entities/prod-01ABC");

        Assert.Equal(HttpStatusCode.Forbidden, blocked);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (runs, stack, space));
    }

    [Fact]
    public async Task TheBlueprintsCannotBeCreatedInAnotherOrder()
    {
        await using var host = await PortTestHost.StartAsync();
        await host.CreateBlueprintAsync(GuideResources.Blueprint());

        var (runFirst, runFirstBody) = await host.SendAsync(HttpMethod.Patch, "/v1/blueprints/space_lift_stack", Read("space_lift_stack.catalogue.json"));

        Assert.Equal(HttpStatusCode.NotFound, runFirst);
        Assert.Equal("Blueprint with identifier \"spacelift_space\" was not found", runFirstBody["message"]!.GetValue<string>());
    }

    private static JsonObject Read(string name) => Parse(GoldenFiles.Read($"Emulators/Port/Catalogue/Json/{name}"));

    private static JsonObject Run(string id, string stack, string state, DateTimeOffset createdAt) => Entity(
        id,
        new() { ["stack"] = stack },
        new()
        {
            ["state"] = state, ["type"] = "TRACKED", ["branch"] = "main", ["commitHash"] = "0ee3a3b7266daf5a1d44a193a0f48ce995fa75eb",
            ["triggeredBy"] = "alice@acme.example", ["added"] = 1, ["changed"] = 0, ["deleted"] = 0, ["driftDetection"] = false,
            ["createdAt"] = createdAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"), ["updatedAt"] = createdAt.AddMinutes(4).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
            ["link"] = $"https://acme.app.spacelift.io/stack/{stack}/run/{id}",
        });

    private async Task<JsonObject> StackAsync(string id)
    {
        var (status, body) = await _host.GetAsync($"/v1/blueprints/space_lift_stack/entities/{id}");
        Assert.Equal(HttpStatusCode.OK, status);
        return body["entity"]!["properties"]!.AsObject();
    }

    private async Task Bulk(string blueprint, params JsonObject[] entities)
    {
        var (status, body) = await _host.PostAsync($"/v1/blueprints/{blueprint}/entities/bulk?upsert=true", new JsonObject { ["entities"] = new JsonArray(entities) });
        Assert.True(status == HttpStatusCode.OK, body.ToJsonString());
    }

    private async Task Send(HttpMethod method, string path, JsonObject body)
    {
        var (status, answer) = await _host.SendAsync(method, path, body);
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Created, answer.ToJsonString());
    }
}

using System.Net;
using System.Text.Json.Nodes;
using Emulators.Hosting;
using Emulators.Port.Users;
using Emulators.Unknowns;
using Infra.Tests.Emulators.Port;

namespace Infra.Tests.Emulators.Unknowns;

/// <summary>
/// <c>--port-team-ids</c>: whether team identifiers are the names. Under <c>distinct</c>, <c>$team</c>, the
/// <c>_user</c> entities' teams, <c>ownedByTeam</c> and the <c>_team</c> entities carry identifiers; the way
/// Port's Terraform provider finds an identifier by name (<c>POST /v1/entities/search</c> on <c>_team</c>
/// by <c>$title</c>, <c>include=identifier</c>) finds it.
/// </summary>
public sealed class PortTeamIdentifierSwitchTests
{
    private const string Pat = "pat@acme.io";
    private const string Trigger = "trigger_spacelift_stack";

    private static EmulatorOptions Options(TeamIdentifiers setting) => new()
    {
        Stacks = 1,
        PortTeamIdentifiers = setting,
        PortUsers = [new PortUser(Pat, PortUser.Member, ["platform"])],
    };

    /// <summary>The query the Terraform provider sends (internal/cli/team.go at e26439a), by title.</summary>
    private static JsonObject TeamByTitle(string name) => GuideResources.Parse($$"""
        { "combinator": "and", "rules": [
          { "property": "$blueprint", "operator": "=", "value": "_team" },
          { "property": "$title", "operator": "=", "value": "{{name}}" } ] }
        """);

    [Theory]
    [InlineData(TeamIdentifiers.Names)]
    [InlineData(TeamIdentifiers.Distinct)]
    public async Task TheProvidersSearchFindsTheTeamIdentifierByName(TeamIdentifiers setting)
    {
        await using var host = await SwitchedHost.StartAsync(Options(setting));
        var expected = setting == TeamIdentifiers.Names ? "platform" : TeamIdentifier.Distinct("platform");

        var (status, body) = await host.PortAsync(HttpMethod.Post, "/v1/entities/search?include=identifier", TeamByTitle("platform"));
        var (_, user) = await host.PortAsync(HttpMethod.Get, "/v1/users/" + Pat);
        var (_, teams) = await host.PortAsync(HttpMethod.Get, "/v1/teams");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""["_team"]""", body["matchingBlueprints"]!.ToJsonString());
        var entity = Assert.Single(body["entities"]!.AsArray())!.AsObject();
        Assert.Equal(expected, entity["identifier"]!.GetValue<string>());
        Assert.False(entity.ContainsKey("title"));
        Assert.Equal("""["platform"]""", user["user"]!["teams"]!.ToJsonString());
        Assert.Equal(expected, user["user"]!["teamsIdentifiers"]![0]!.GetValue<string>());
        Assert.Equal("platform", teams["teams"]![0]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(TeamIdentifiers.Names, "platform", HttpStatusCode.Accepted)]
    [InlineData(TeamIdentifiers.Distinct, "platform", HttpStatusCode.Forbidden)]
    [InlineData(TeamIdentifiers.Distinct, null, HttpStatusCode.Accepted)]
    public async Task APolicyOnTeamMatchesIdentifiersNotNames(TeamIdentifiers setting, string? teamInRule, HttpStatusCode expected)
    {
        await using var host = await SwitchedHost.StartAsync(Options(setting));
        await SeedAsync(host, team: null);
        var rule = teamInRule ?? TeamIdentifier.Distinct("platform");
        await PatchAsync(host, new JsonObject
        {
            ["execute"] = new JsonObject
            {
                ["roles"] = new JsonArray("Admin", "Member"),
                ["policy"] = new JsonObject
                {
                    ["queries"] = new JsonObject
                    {
                        ["requester"] = GuideResources.Parse($$$"""
                            { "combinator": "and", "rules": [
                              { "property": "$blueprint", "operator": "=", "value": "_user" },
                              { "property": "$identifier", "operator": "=", "value": "{{ .trigger.user.email }}" },
                              { "property": "$team", "operator": "containsAny", "value": ["{{{rule}}}"] } ] }
                            """),
                    },
                    ["conditions"] = new JsonArray("(.results.requester.entities | length) != 0"),
                },
            },
        });

        var (status, body) = await RunAsync(host);

        Assert.True(status == expected, body.ToJsonString());
    }

    [Theory]
    [InlineData(TeamIdentifiers.Names, false, HttpStatusCode.Accepted)]
    [InlineData(TeamIdentifiers.Distinct, false, HttpStatusCode.Forbidden)]
    [InlineData(TeamIdentifiers.Distinct, true, HttpStatusCode.Accepted)]
    public async Task OwnedByTeamComparesTheEntitysTeamIdentifiers(TeamIdentifiers setting, bool entityHoldsIdentifier, HttpStatusCode expected)
    {
        await using var host = await SwitchedHost.StartAsync(Options(setting));
        await SeedAsync(host, team: entityHoldsIdentifier ? TeamIdentifier.Distinct("platform") : "platform");
        var day2 = GuideResources.Parse($$$"""
            { "identifier": "redeploy", "title": "Redeploy",
              "trigger": { "type": "self-service", "operation": "DAY-2", "blueprintIdentifier": "space_lift_stack", "userInputs": { "properties": {} } },
              "invocationMethod": { "type": "WEBHOOK", "url": "{{{host.Host.SpaceliftGraphQLUrl}}}", "synchronized": true, "body": { "stack": "{{ .entity.identifier }}" } } }
            """);
        Assert.Equal(HttpStatusCode.Created, (await host.PortAsync(HttpMethod.Post, "/v1/actions", day2)).Status);
        var (patched, patchBody) = await host.PortAsync(HttpMethod.Patch, "/v1/actions/redeploy/permissions",
            GuideResources.Parse("""{ "execute": { "roles": [], "ownedByTeam": true } }"""));
        Assert.True(patched == HttpStatusCode.OK, patchBody.ToJsonString());

        var (status, body) = await host.PortAsync(HttpMethod.Post, $"/v1/actions/redeploy/runs?run_as={Uri.EscapeDataString(Pat)}",
            new JsonObject { ["properties"] = new JsonObject(), ["entity"] = "prod" });
        using var idle = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await host.Host.Port.WhenIdleAsync(idle.Token);

        Assert.True(status == expected, body.ToJsonString());
    }

    private static async Task SeedAsync(SwitchedHost host, string? team)
    {
        Assert.Equal(HttpStatusCode.Created, (await host.PortAsync(HttpMethod.Post, "/v1/blueprints", GuideResources.Blueprint())).Status);
        var entity = new JsonObject { ["identifier"] = "prod", ["title"] = "prod", ["properties"] = new JsonObject() };
        if (team is not null)
        {
            entity["team"] = team;
        }

        Assert.Equal(HttpStatusCode.Created, (await host.PortAsync(HttpMethod.Post, "/v1/blueprints/space_lift_stack/entities", entity)).Status);
        Assert.Equal(HttpStatusCode.Created, (await host.PortAsync(HttpMethod.Post, "/v1/organization/secrets", GuideResources.Secret("SPACELIFT_TOKEN", "jwt"))).Status);
        Assert.Equal(HttpStatusCode.Created, (await host.PortAsync(HttpMethod.Post, "/v1/actions", GuideResources.TriggerAction(host.Host.SpaceliftGraphQLUrl.ToString()))).Status);
    }

    private static async Task PatchAsync(SwitchedHost host, JsonObject permissions)
    {
        var (status, body) = await host.PortAsync(HttpMethod.Patch, $"/v1/actions/{Trigger}/permissions", permissions);
        Assert.True(status == HttpStatusCode.OK, body.ToJsonString());
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> RunAsync(SwitchedHost host)
    {
        var answer = await host.PortAsync(HttpMethod.Post, $"/v1/actions/{Trigger}/runs?run_as={Uri.EscapeDataString(Pat)}",
            new JsonObject { ["properties"] = new JsonObject { ["stack"] = "prod" } });
        using var idle = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await host.Host.Port.WhenIdleAsync(idle.Token);
        return answer;
    }
}

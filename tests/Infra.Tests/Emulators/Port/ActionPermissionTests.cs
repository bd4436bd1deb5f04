using System.Net;
using System.Text.Json.Nodes;
using Emulators.Port;

namespace Infra.Tests.Emulators.Port;

/// <summary>
/// <c>GET/PATCH /v1/actions/{id}/permissions</c> over HTTP: Port's default for a new action, the PATCH
/// body checked as the OpenAPI declares it, and permissions kept in the state file and deleted with
/// their action.
/// </summary>
public sealed class ActionPermissionTests : IDisposable
{
    private const string Url = "https://acme.app.spacelift.io/graphql";
    private const string Path = "/v1/actions/refresh_spacelift_token/permissions";

    /// <summary>Port's default, byte for byte and in this key order (the program declares the same body).</summary>
    private const string PortDefault =
        """{"execute":{"users":[],"roles":["Admin","Member"],"teams":[],"ownedByTeam":false,"policy":null},"approve":{"users":[],"roles":[],"teams":[],"policy":null}}""";

    private readonly string _directory = Directory.CreateTempSubdirectory("port-permissions-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task ANewActionHasPortsDefaultPermissions()
    {
        await using var host = await PortTestHost.StartAsync();
        await host.PostAsync("/v1/actions", GuideResources.RefreshAction(Url));

        var (status, body) = await host.GetAsync(Path);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(PortDefault, body["permissions"]!.ToJsonString());
    }

    [Fact]
    public async Task APatchChangesOnlyTheKeysItNames()
    {
        await using var host = await PortTestHost.StartAsync();
        await host.PostAsync("/v1/actions", GuideResources.RefreshAction(Url));

        var (status, body) = await host.SendAsync(HttpMethod.Patch, Path, JsonNode.Parse("""{ "execute": { "teams": ["platform"] }, "approve": { "roles": ["Admin"] } }"""));
        var (_, read) = await host.GetAsync(Path);

        Assert.Equal(HttpStatusCode.OK, status);
        const string expected =
            """{"execute":{"users":[],"roles":["Admin","Member"],"teams":["platform"],"ownedByTeam":false,"policy":null},"approve":{"users":[],"roles":["Admin"],"teams":[],"policy":null}}""";
        Assert.Equal(expected, body["permissions"]!.ToJsonString());
        Assert.Equal(expected, read["permissions"]!.ToJsonString());
    }

    public static TheoryData<string, string> InvalidBodies() => new()
    {
        // body, the JSON path (or word) the 422 message must name
        { """{ "view": {} }""", "'view'" },
        { """{ "execute": [] }""", "body/execute must be an object" },
        { """{ "execute": { "users": "a@b.c" } }""", "body/execute/users must be an array" },
        { """{ "execute": { "roles": ["Admin", 1] } }""", "body/execute/roles/1 must be a string" },
        { """{ "execute": { "ownedByTeam": "yes" } }""", "body/execute/ownedByTeam must be a boolean" },
        { """{ "approve": { "ownedByTeam": true } }""", "'ownedByTeam'" },
        { """{ "execute": { "policy": [] } }""", "body/execute/policy must be an object" },
        { """{ "execute": { "policy": { "queries": { "q": { "combinator": "and", "rules": [] } } } } }""", "body/execute/policy must have required property 'conditions'" },
        { """{ "execute": { "policy": { "conditions": ["true"] } } }""", "body/execute/policy must have required property 'queries'" },
        { """{ "execute": { "policy": { "queries": {}, "conditions": ["true"] } } }""", "body/execute/policy/queries must NOT have fewer than 1 properties" },
        { """{ "approve": { "policy": { "queries": { "q": { "combinator": "and", "rules": [] } }, "conditions": [] } } }""", "body/approve/policy/conditions must NOT have fewer than 1 items" },
        { """{ "approve": { "policy": { "queries": { "q": { "combinator": "and", "rules": [] } }, "conditions": [""] } } }""", "body/approve/policy/conditions/0 must NOT have fewer than 1 characters" },
        { """{ "approve": { "policy": { "queries": { "q": { "combinator": "and", "rules": [] } }, "conditions": ["[]"], "extra": 1 } } }""", "'extra'" },
        { """{ "execute": { "policy": { "queries": { "q": { "combinator": "xor", "rules": [] } }, "conditions": ["true"] } } }""", "body/execute/policy/queries/q/combinator must be one of and, or" },
        { """{ "execute": { "policy": { "queries": { "q": { "combinator": "and", "rules": [ { "property": "$identifier", "value": "x" } ] } }, "conditions": ["true"] } } }""", "body/execute/policy/queries/q/rules/0 must have required property 'operator'" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task PatchBodiesAreCheckedAsTheSpecDeclaresThem(string body, string named)
    {
        await using var host = await PortTestHost.StartAsync();
        await host.PostAsync("/v1/actions", GuideResources.RefreshAction(Url));

        var (status, answer) = await host.SendAsync(HttpMethod.Patch, Path, JsonNode.Parse(body));
        var (_, read) = await host.GetAsync(Path);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("invalid_request", answer["error"]!.GetValue<string>());
        Assert.Contains(named, answer["message"]!.GetValue<string>());
        Assert.Equal(PortDefault, read["permissions"]!.ToJsonString());
    }

    [Fact]
    public async Task APolicyAndItsRemovalAreAccepted()
    {
        await using var host = await PortTestHost.StartAsync();
        await host.PostAsync("/v1/actions", GuideResources.RefreshAction(Url));
        var policy = JsonNode.Parse("""
            { "execute": { "policy": { "queries": { "q": { "combinator": "and", "rules": [
                { "property": "$blueprint", "operator": "=", "value": "_user" },
                { "combinator": "or", "rules": [ { "property": "$identifier", "operator": "=", "value": "{{ .trigger.user.email }}" } ] } ] } },
              "conditions": [ ".results.q.entities | length == 1" ] } } }
            """);

        var (set, withPolicy) = await host.SendAsync(HttpMethod.Patch, Path, policy);
        var (cleared, withoutPolicy) = await host.SendAsync(HttpMethod.Patch, Path, JsonNode.Parse("""{ "execute": { "policy": null } }"""));

        Assert.Equal(HttpStatusCode.OK, set);
        Assert.Equal(".results.q.entities | length == 1", withPolicy["permissions"]!["execute"]!["policy"]!["conditions"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, cleared);
        Assert.Equal(PortDefault, withoutPolicy["permissions"]!.ToJsonString());
    }

    [Fact]
    public async Task AnUnknownActionAnswersPortsNotFound()
    {
        await using var host = await PortTestHost.StartAsync();

        var (read, readBody) = await host.GetAsync("/v1/actions/nope/permissions");
        var (patch, patchBody) = await host.SendAsync(HttpMethod.Patch, "/v1/actions/nope/permissions", JsonNode.Parse("""{ "execute": { "roles": [] } }"""));

        Assert.Equal(HttpStatusCode.NotFound, read);
        Assert.Equal(HttpStatusCode.NotFound, patch);
        foreach (var body in new[] { readBody, patchBody })
        {
            Assert.False(body["ok"]!.GetValue<bool>());
            Assert.Equal("not_found", body["error"]!.GetValue<string>());
            Assert.Contains("nope", body["message"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task PermissionsSurviveARestartAndAreDeletedWithTheirAction()
    {
        var options = new PortEmulatorOptions { StateFile = System.IO.Path.Combine(_directory, "port.json") };
        const string patched = """{ "execute": { "roles": ["Admin"], "teams": ["platform"] } }""";
        await using (var first = await PortTestHost.StartAsync(options))
        {
            await first.PostAsync("/v1/actions", GuideResources.RefreshAction(Url));
            Assert.Equal(HttpStatusCode.OK, (await first.SendAsync(HttpMethod.Patch, Path, JsonNode.Parse(patched))).Status);
        }

        await using (var second = await PortTestHost.StartAsync(options))
        {
            var (_, kept) = await second.GetAsync(Path);
            Assert.Equal("""["platform"]""", kept["permissions"]!["execute"]!["teams"]!.ToJsonString());
            Assert.Equal("""["Admin"]""", kept["permissions"]!["execute"]!["roles"]!.ToJsonString());

            Assert.Equal(HttpStatusCode.OK, (await second.SendAsync(HttpMethod.Delete, "/v1/actions/refresh_spacelift_token")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await second.GetAsync(Path)).Status);
        }

        await using var third = await PortTestHost.StartAsync(options);
        Assert.DoesNotContain("platform", await File.ReadAllTextAsync(options.StateFile));
        await third.PostAsync("/v1/actions", GuideResources.RefreshAction(Url));
        var (_, fresh) = await third.GetAsync(Path);
        Assert.Equal(PortDefault, fresh["permissions"]!.ToJsonString());
    }
}

using System.Net;
using System.Text.Json.Nodes;
using Emulators.Port;
using Emulators.Port.Users;

namespace Infra.Tests.Emulators.Port;

/// <summary>
/// Who may trigger which stack, end to end over HTTP: the execute check on <c>POST …/runs</c> (static
/// lists, <c>ownedByTeam</c>, the program's protected-stack policy), <c>run_as</c>, and approvals
/// (<c>PATCH /v1/actions/runs/{id}/approval</c>) with the program's approve policy. Webhooks go to a
/// fake Spacelift on 127.0.0.1, whose request log shows whether anything was invoked.
/// </summary>
public sealed class RunPermissionTests
{
    private const string Admin = PortUser.DefaultAdminEmail;
    private const string Alice = "alice@acme.io";   // Member, team dev
    private const string Pat = "pat@acme.io";       // Member, team platform
    private const string Sam = "sam@acme.io";       // Member, teams sre and dev
    private const string Olga = "olga@acme.io";     // Member, team marketing
    private const string Trigger = "trigger_spacelift_stack";

    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(20);

    private static readonly PortEmulatorOptions Options = new()
    {
        Users =
        [
            PortUser.DefaultAdmin,
            new PortUser(Alice, PortUser.Member, ["dev"]),
            new PortUser(Pat, PortUser.Member, ["platform"]) { FirstName = "Pat", LastName = "Lee" },
            new PortUser(Sam, PortUser.Member, ["sre", "dev"]),
            new PortUser(Olga, PortUser.Member, ["marketing"]),
        ],
    };

    private static JsonObject StackQuery() => GuideResources.Parse("""
        { "combinator": "and", "rules": [
          { "property": "$blueprint", "operator": "=", "value": "space_lift_stack" },
          { "property": "$identifier", "operator": "=", "value": "{{ .inputs.stack.identifier }}" } ] }
        """);

    private static JsonObject RequesterQuery() => GuideResources.Parse("""
        { "combinator": "and", "rules": [
          { "property": "$blueprint", "operator": "=", "value": "_user" },
          { "property": "$identifier", "operator": "=", "value": "{{ .trigger.user.email }}" } ] }
        """);

    /// <summary>The permissions the program declares for the trigger action: protected stacks are for platform and SRE, approved by the other of them.</summary>
    private static JsonObject ProtectedStackPermissions() => new()
    {
        ["execute"] = new JsonObject
        {
            ["roles"] = new JsonArray("Admin", "Member"),
            ["policy"] = new JsonObject
            {
                ["queries"] = new JsonObject { ["stack"] = StackQuery(), ["requester"] = RequesterQuery() },
                ["conditions"] = new JsonArray(JqPolicyExpressionTests.ExecuteCondition),
            },
        },
        ["approve"] = new JsonObject
        {
            ["policy"] = new JsonObject
            {
                ["queries"] = new JsonObject
                {
                    ["stack"] = StackQuery(),
                    ["requester"] = RequesterQuery(),
                    ["approvers"] = GuideResources.Parse("""
                        { "combinator": "and", "rules": [
                          { "property": "$blueprint", "operator": "=", "value": "_user" },
                          { "property": "$team", "operator": "containsAny", "value": ["platform", "sre"] } ] }
                        """),
                },
                ["conditions"] = new JsonArray(JqPolicyExpressionTests.ApproveCondition),
            },
        },
    };

    /// <summary>The guide's blueprint with a protected and an ordinary stack, the token secret and the trigger action.</summary>
    private static async Task SeedAsync(PortTestHost host, FakeSpacelift spacelift, JsonNode? requiredApproval = null)
    {
        await host.CreateBlueprintAsync(GuideResources.Blueprint());
        foreach (var (id, label, team) in new[] { ("prod", "protected", "platform"), ("sandbox", "scratch", "dev") })
        {
            var entity = new JsonObject
            {
                ["identifier"] = id, ["title"] = id, ["team"] = team, ["properties"] = new JsonObject { ["label"] = new JsonArray(label) },
            };
            Assert.Equal(HttpStatusCode.Created, (await host.PostAsync("/v1/blueprints/space_lift_stack/entities", entity)).Status);
        }

        Assert.Equal(HttpStatusCode.Created, (await host.PostAsync("/v1/organization/secrets", GuideResources.Secret("SPACELIFT_TOKEN", "jwt"))).Status);
        var action = GuideResources.TriggerAction(spacelift.GraphQlUrl.ToString());
        action["requiredApproval"] = requiredApproval ?? false;
        Assert.Equal(HttpStatusCode.Created, (await host.PostAsync("/v1/actions", action)).Status);
    }

    private static async Task PatchPermissionsAsync(PortTestHost host, string action, JsonObject permissions)
    {
        var (status, body) = await host.SendAsync(HttpMethod.Patch, $"/v1/actions/{action}/permissions", permissions);
        Assert.True(status == HttpStatusCode.OK, body.ToJsonString());
    }

    private static Task<(HttpStatusCode Status, JsonObject Body)> TriggerAsync(PortTestHost host, string stack, string? runAs)
        => host.PostAsync(RunAs($"/v1/actions/{Trigger}/runs", runAs), new JsonObject { ["properties"] = new JsonObject { ["stack"] = stack } });

    private static Task<(HttpStatusCode Status, JsonObject Body)> DecideAsync(PortTestHost host, string runId, string decision, string? runAs, string? description = null)
    {
        var body = new JsonObject { ["status"] = decision };
        if (description is not null)
        {
            body["description"] = description;
        }

        return host.SendAsync(HttpMethod.Patch, RunAs($"/v1/actions/runs/{runId}/approval?version=v2", runAs), body);
    }

    private static string RunAs(string path, string? email)
        => email is null ? path : $"{path}{(path.Contains('?') ? '&' : '?')}run_as={Uri.EscapeDataString(email)}";

    private static async Task<JsonObject> ReadRunAsync(PortTestHost host, string runId)
    {
        using var timeout = new CancellationTokenSource(Idle);
        await host.Emulator.WhenIdleAsync(timeout.Token);
        var (_, body) = await host.GetAsync($"/v1/actions/runs/{runId}");
        return body["run"]!.AsObject();
    }

    private static void AssertRefused(HttpStatusCode status, JsonObject body, string verb)
    {
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.False(body["ok"]!.GetValue<bool>());
        Assert.Equal("missing_permissions", body["error"]!.GetValue<string>());
        Assert.Equal($"You are not permitted to {verb} this action. For further details, please contact your admin", body["message"]!.GetValue<string>());
    }

    private static string Status(JsonObject run) => run["status"]!.GetValue<string>();

    [Fact]
    public async Task AMemberOutsideTheAllowedTeamsIsRefusedWithoutARunAndOneInsideIsServed()
    {
        await using var spacelift = await FakeSpacelift.StartAsync();
        await using var host = await PortTestHost.StartAsync(Options);
        await SeedAsync(host, spacelift);
        await PatchPermissionsAsync(host, Trigger, GuideResources.Parse("""{ "execute": { "roles": [], "teams": ["platform"] } }"""));

        var (refused, refusal) = await TriggerAsync(host, "sandbox", Alice);
        using (var timeout = new CancellationTokenSource(Idle))
        {
            await host.Emulator.WhenIdleAsync(timeout.Token);
        }

        AssertRefused(refused, refusal, "execute");
        Assert.Empty(host.Emulator.Runs());
        Assert.Empty(spacelift.Requests);

        var (accepted, body) = await TriggerAsync(host, "sandbox", Pat);
        var run = await ReadRunAsync(host, body["run"]!["id"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.Accepted, accepted);
        Assert.Equal("SUCCESS", Status(run));
        Assert.Equal(Pat, run["createdBy"]!.GetValue<string>());
        Assert.Equal("emulator", run["impersonatedBy"]!.GetValue<string>());
        Assert.Equal("sandbox", Assert.Single(spacelift.Requests).Body["variables"]!["stackId"]!.GetValue<string>());
    }

    /// <summary>
    /// Port's documented rule (port-docs dynamic-permissions.md): once <c>execute</c> has a policy, its
    /// lists only decide who sees the action, and the policy alone decides who may execute it.
    /// </summary>
    [Fact]
    public async Task WithAPolicyTheListsDecideNothingAndThePolicyAloneDecidesWhoExecutes()
    {
        await using var spacelift = await FakeSpacelift.StartAsync();
        await using var host = await PortTestHost.StartAsync(Options);
        await SeedAsync(host, spacelift);
        // The lists name platform alone; the policy lets in exactly the members of team dev.
        await PatchPermissionsAsync(host, Trigger, GuideResources.Parse("""
            { "execute": { "roles": [], "teams": ["platform"], "policy": {
                "queries": { "requester": { "combinator": "and", "rules": [
                  { "property": "$blueprint", "operator": "=", "value": "_user" },
                  { "property": "$identifier", "operator": "=", "value": "{{ .trigger.user.email }}" } ] } },
                "conditions": [ "(.results.requester.entities[0].team // []) | any(. == \"dev\")" ] } } }
            """));

        var (listed, refusal) = await TriggerAsync(host, "sandbox", Pat);
        var (allowed, body) = await TriggerAsync(host, "sandbox", Alice);

        AssertRefused(listed, refusal, "execute");
        Assert.Equal(HttpStatusCode.Accepted, allowed);
        Assert.Equal("SUCCESS", Status(await ReadRunAsync(host, body["run"]!["id"]!.GetValue<string>())));
        Assert.Equal(Alice, Assert.Single(host.Emulator.Runs())["createdBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task ByDefaultEveryMemberMayExecuteAndTheTokenIsTheAdminUser()
    {
        await using var spacelift = await FakeSpacelift.StartAsync();
        await using var host = await PortTestHost.StartAsync(Options);
        await SeedAsync(host, spacelift);

        var (asMember, _) = await TriggerAsync(host, "sandbox", Olga);
        var (asToken, tokenRun) = await TriggerAsync(host, "sandbox", runAs: null);
        await PatchPermissionsAsync(host, Trigger, GuideResources.Parse("""{ "execute": { "roles": [], "users": ["ADMIN@port-emulator.local"] } }"""));
        var (byEmail, _) = await TriggerAsync(host, "sandbox", runAs: null);
        var (notListed, refusal) = await TriggerAsync(host, "sandbox", Olga);

        Assert.Equal(HttpStatusCode.Accepted, asMember);
        Assert.Equal(HttpStatusCode.Accepted, asToken);
        Assert.Equal("emulator", tokenRun["run"]!["createdBy"]!.GetValue<string>());
        Assert.Null(tokenRun["run"]!["impersonatedBy"]);
        Assert.Equal(HttpStatusCode.Accepted, byEmail);
        AssertRefused(notListed, refusal, "execute");
    }

    [Fact]
    public async Task OwnedByTeamLetsTheEntitysTeamExecuteADay2Action()
    {
        await using var spacelift = await FakeSpacelift.StartAsync();
        await using var host = await PortTestHost.StartAsync(Options);
        await SeedAsync(host, spacelift);
        var day2 = GuideResources.Parse($$$"""
            { "identifier": "redeploy", "title": "Redeploy",
              "trigger": { "type": "self-service", "operation": "DAY-2", "blueprintIdentifier": "space_lift_stack", "userInputs": { "properties": {} } },
              "invocationMethod": { "type": "WEBHOOK", "url": "{{{spacelift.GraphQlUrl}}}", "synchronized": true, "body": { "stack": "{{ .entity.identifier }}" } } }
            """);
        Assert.Equal(HttpStatusCode.Created, (await host.PostAsync("/v1/actions", day2)).Status);
        await PatchPermissionsAsync(host, "redeploy", GuideResources.Parse("""{ "execute": { "roles": [], "ownedByTeam": true } }"""));
        var body = new JsonObject { ["properties"] = new JsonObject(), ["entity"] = "prod" };

        var (owner, _) = await host.PostAsync(RunAs("/v1/actions/redeploy/runs", Pat), body);
        var (other, refusal) = await host.PostAsync(RunAs("/v1/actions/redeploy/runs", Alice), body.DeepClone());

        Assert.Equal(HttpStatusCode.Accepted, owner);
        AssertRefused(other, refusal, "execute");
    }

    [Fact]
    public async Task RunAsAnUnknownUserIsNotFoundForRunsAndApprovals()
    {
        await using var spacelift = await FakeSpacelift.StartAsync();
        await using var host = await PortTestHost.StartAsync(Options);
        await SeedAsync(host, spacelift, JsonNode.Parse("""{ "type": "ANY" }"""));

        var (run, runBody) = await TriggerAsync(host, "sandbox", "nobody@acme.io");
        var (_, waiting) = await TriggerAsync(host, "sandbox", Alice);
        var (approval, approvalBody) = await DecideAsync(host, waiting["run"]!["id"]!.GetValue<string>(), "APPROVE", "ghost@acme.io");

        Assert.Equal(HttpStatusCode.NotFound, run);
        Assert.Equal("not_found", runBody["error"]!.GetValue<string>());
        Assert.Contains("nobody@acme.io", runBody["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, approval);
        Assert.Contains("ghost@acme.io", approvalBody["message"]!.GetValue<string>());
        Assert.Single(host.Emulator.Runs());
    }

    [Fact]
    public async Task AProtectedStackIsForPlatformAndSreAndNeedsAnotherApprover()
    {
        // Given the program's policy on the trigger action, which requires one approval
        await using var spacelift = await FakeSpacelift.StartAsync();
        await using var host = await PortTestHost.StartAsync(Options);
        await SeedAsync(host, spacelift, JsonNode.Parse("""{ "type": "ANY" }"""));
        await PatchPermissionsAsync(host, Trigger, ProtectedStackPermissions());

        // When a developer outside platform and SRE asks for the protected stack: refused, no run
        var (refused, refusal) = await TriggerAsync(host, "prod", Alice);
        AssertRefused(refused, refusal, "execute");
        Assert.Empty(host.Emulator.Runs());

        // When platform asks: the run waits and nothing is sent
        var (accepted, created) = await TriggerAsync(host, "prod", Pat);
        Assert.Equal(HttpStatusCode.Accepted, accepted);
        var runId = created["run"]!["id"]!.GetValue<string>();
        Assert.Equal("WAITING_FOR_APPROVAL", Status(await ReadRunAsync(host, runId)));
        Assert.Equal("""{"type":"ANY"}""", created["run"]!["requiredApproval"]!.ToJsonString());
        Assert.Empty(spacelift.Requests);

        // Then someone outside the approver teams, and the requester, cannot approve; the run still waits
        var (outsider, outsiderRefusal) = await DecideAsync(host, runId, "APPROVE", Olga);
        AssertRefused(outsider, outsiderRefusal, "approve");
        var (self, selfRefusal) = await DecideAsync(host, runId, "APPROVE", Pat);
        AssertRefused(self, selfRefusal, "approve");
        var (admin, adminRefusal) = await DecideAsync(host, runId, "APPROVE", runAs: null);
        AssertRefused(admin, adminRefusal, "approve");
        Assert.Equal("WAITING_FOR_APPROVAL", Status(await ReadRunAsync(host, runId)));
        Assert.Empty(spacelift.Requests);

        // When SRE approves: the run goes on as an unapproved run does, and the stack is triggered
        var (approved, answer) = await DecideAsync(host, runId, "APPROVE", Sam, "looks fine");
        Assert.Equal(HttpStatusCode.Created, approved);
        Assert.True(answer["ok"]!.GetValue<bool>());
        Assert.Equal("IN_PROGRESS", Status(answer["run"]!.AsObject()));
        Assert.Equal("""{"userId":"sam@acme.io","state":"APPROVED","description":"looks fine"}""", answer["run"]!["approval"]!.ToJsonString());
        var finished = await ReadRunAsync(host, runId);
        Assert.Equal("SUCCESS", Status(finished));
        var sent = Assert.Single(spacelift.Requests);
        Assert.Equal("prod", sent.Body["variables"]!["stackId"]!.GetValue<string>());
        Assert.Equal("Bearer jwt", sent.Authorization);

        // And a second decision finds nothing to approve
        var (again, notWaiting) = await DecideAsync(host, runId, "APPROVE", Sam);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again);
        Assert.Equal("run_not_waiting_for_approval", notWaiting["error"]!.GetValue<string>());
        Assert.Equal("Action run is not waiting for approval", notWaiting["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnOrdinaryStacksRunCanBeApprovedByItsRequester()
    {
        await using var spacelift = await FakeSpacelift.StartAsync();
        await using var host = await PortTestHost.StartAsync(Options);
        await SeedAsync(host, spacelift, JsonNode.Parse("""{ "type": "ANY" }"""));
        await PatchPermissionsAsync(host, Trigger, ProtectedStackPermissions());

        var (_, created) = await TriggerAsync(host, "sandbox", Alice);
        var runId = created["run"]!["id"]!.GetValue<string>();
        var (other, refusal) = await DecideAsync(host, runId, "APPROVE", Sam);
        var (approved, _) = await DecideAsync(host, runId, "APPROVE", Alice);

        AssertRefused(other, refusal, "approve");
        Assert.Equal(HttpStatusCode.Created, approved);
        Assert.Equal("SUCCESS", Status(await ReadRunAsync(host, runId)));
        Assert.Equal("sandbox", Assert.Single(spacelift.Requests).Body["variables"]!["stackId"]!.GetValue<string>());
    }

    [Fact]
    public async Task ADeclinedRunEndsWithoutInvocation()
    {
        await using var spacelift = await FakeSpacelift.StartAsync();
        await using var host = await PortTestHost.StartAsync(Options);
        await SeedAsync(host, spacelift, JsonNode.Parse("true"));
        await PatchPermissionsAsync(host, Trigger, GuideResources.Parse("""{ "approve": { "teams": ["sre"] } }"""));

        var (_, created) = await TriggerAsync(host, "prod", Pat);
        var runId = created["run"]!["id"]!.GetValue<string>();
        var (declined, answer) = await DecideAsync(host, runId, "DECLINE", Sam, "not today");
        var run = await ReadRunAsync(host, runId);
        var (again, notWaiting) = await DecideAsync(host, runId, "APPROVE", Sam);

        Assert.Equal(HttpStatusCode.Created, declined);
        Assert.Equal("DECLINED", Status(answer["run"]!.AsObject()));
        Assert.Equal("DECLINED", Status(run));
        Assert.NotNull(run["endedAt"]);
        Assert.Equal("""{"userId":"sam@acme.io","state":"DECLINED","description":"not today"}""", run["approval"]!.ToJsonString());
        Assert.Empty(spacelift.Requests);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again);
        Assert.Equal("run_not_waiting_for_approval", notWaiting["error"]!.GetValue<string>());
        var (_, active) = await host.GetAsync("/v1/actions/runs?active=true");
        Assert.Empty(active["runs"]!.AsArray());
    }

    [Fact]
    public async Task AllMeansEveryApproverApprovesOnce()
    {
        await using var spacelift = await FakeSpacelift.StartAsync();
        await using var host = await PortTestHost.StartAsync(Options);
        await SeedAsync(host, spacelift, JsonNode.Parse("""{ "type": "ALL" }"""));
        await PatchPermissionsAsync(host, Trigger, GuideResources.Parse("""{ "approve": { "teams": ["platform", "sre"] } }"""));

        var (_, created) = await TriggerAsync(host, "sandbox", Alice);
        var runId = created["run"]!["id"]!.GetValue<string>();
        var (first, firstAnswer) = await DecideAsync(host, runId, "APPROVE", Pat);
        var (twice, twiceAnswer) = await DecideAsync(host, runId, "APPROVE", Pat);
        var stillWaiting = await ReadRunAsync(host, runId);
        var (last, lastAnswer) = await DecideAsync(host, runId, "APPROVE", Sam);

        Assert.Equal(HttpStatusCode.Created, first);
        Assert.Equal("WAITING_FOR_APPROVAL", Status(firstAnswer["run"]!.AsObject()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice);
        Assert.Contains("already approved", twiceAnswer["message"]!.GetValue<string>());
        Assert.Equal("WAITING_FOR_APPROVAL", Status(stillWaiting));
        Assert.Equal(HttpStatusCode.Created, last);
        Assert.Equal("IN_PROGRESS", Status(lastAnswer["run"]!.AsObject()));
        Assert.Equal("SUCCESS", Status(await ReadRunAsync(host, runId)));
        Assert.Single(spacelift.Requests);
    }

    [Theory]
    [InlineData("""{ "status": "MAYBE" }""", "body/status")]
    [InlineData("""{ "status": "APPROVE", "reason": "x" }""", "'reason'")]
    [InlineData("""{ "description": "x" }""", "'status'")]
    public async Task ApprovalBodiesAreStrict(string body, string named)
    {
        await using var spacelift = await FakeSpacelift.StartAsync();
        await using var host = await PortTestHost.StartAsync(Options);
        await SeedAsync(host, spacelift, JsonNode.Parse("true"));
        var (_, created) = await TriggerAsync(host, "sandbox", Alice);

        var (status, answer) = await host.SendAsync(HttpMethod.Patch, $"/v1/actions/runs/{created["run"]!["id"]}/approval", JsonNode.Parse(body));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("invalid_request", answer["error"]!.GetValue<string>());
        Assert.Contains(named, answer["message"]!.GetValue<string>());
    }

    public static TheoryData<string, string> UnevaluablePolicies() => new()
    {
        // execute section, the part the refusal names
        { """{ "policy": { "queries": { "q": { "combinator": "and", "rules": [ { "property": "$identifier", "operator": "beginsWith", "value": "p" } ] } }, "conditions": ["true"] } }""", "beginsWith" },
        { """{ "policy": { "queries": { "q": { "combinator": "and", "rules": [ { "property": "$createdAt", "operator": "=", "value": "x" } ] } }, "conditions": ["true"] } }""", "$createdAt" },
        { """{ "policy": { "queries": { "q": { "combinator": "and", "rules": [ { "operator": "relatedTo", "blueprint": "b", "value": "x" } ] } }, "conditions": ["true"] } }""", "queries/q/rules/0" },
        { """{ "policy": { "queries": { "q": { "combinator": "and", "rules": [ { "property": "label", "operator": "=", "value": "protected" } ] } }, "conditions": ["true"] } }""", "containsAny" },
        { """{ "policy": { "queries": { "q": { "combinator": "and", "rules": [] } }, "conditions": [".results | keys"] } }""", "keys" },
        { """{ "policy": { "queries": { "q": { "combinator": "and", "rules": [] } }, "conditions": [".results.q.entities"] } }""", "boolean" },
        { """{ "policy": { "queries": { "q": { "combinator": "and", "rules": [ { "property": "$identifier", "operator": "=", "value": "{{ .inputs | keys }}" } ] } }, "conditions": ["true"] } }""", "keys" },
    };

    [Theory]
    [MemberData(nameof(UnevaluablePolicies))]
    public async Task APolicyTheEmulatorCannotEvaluateRefusesTheRunNeverGuesses(string execute, string named)
    {
        await using var spacelift = await FakeSpacelift.StartAsync();
        await using var host = await PortTestHost.StartAsync(Options);
        await SeedAsync(host, spacelift);
        await PatchPermissionsAsync(host, Trigger, new JsonObject { ["execute"] = JsonNode.Parse(execute) });

        var (status, body) = await TriggerAsync(host, "prod", Pat);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("invalid_request", body["error"]!.GetValue<string>());
        Assert.Contains("cannot evaluate", body["message"]!.GetValue<string>());
        Assert.Contains(named, body["message"]!.GetValue<string>());
        Assert.Empty(host.Emulator.Runs());
    }

    [Fact]
    public async Task AnApprovePolicyThatGivesNoEmailListRefusesTheApproval()
    {
        await using var spacelift = await FakeSpacelift.StartAsync();
        await using var host = await PortTestHost.StartAsync(Options);
        await SeedAsync(host, spacelift, JsonNode.Parse("true"));
        await PatchPermissionsAsync(host, Trigger, GuideResources.Parse("""
            { "approve": { "policy": { "queries": { "q": { "combinator": "and", "rules": [] } }, "conditions": ["true"] } } }
            """));
        var (_, created) = await TriggerAsync(host, "sandbox", Alice);
        var runId = created["run"]!["id"]!.GetValue<string>();

        var (status, body) = await DecideAsync(host, runId, "APPROVE", Sam);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("array of email strings", body["message"]!.GetValue<string>());
        Assert.Equal("WAITING_FOR_APPROVAL", Status(await ReadRunAsync(host, runId)));
    }

    [Fact]
    public async Task UsersAndTeamsAreServedAsTheOpenApiShapesThem()
    {
        await using var host = await PortTestHost.StartAsync(Options);

        var (_, users) = await host.GetAsync("/v1/users");
        var (_, teams) = await host.GetAsync("/v1/teams");
        var (_, pat) = await host.GetAsync("/v1/users/pat@acme.io");
        var (missing, _) = await host.GetAsync("/v1/users/nobody@acme.io");
        var (fields, _) = await host.GetAsync("/v1/users?fields=email");

        Assert.Equal(5, users["users"]!.AsArray().Count);
        Assert.Equal(
            """{"email":"admin@port-emulator.local","status":"Active","type":"Standard","roles":[{"name":"Admin"}],"teams":[]}""",
            users["users"]![0]!.ToJsonString());
        Assert.Equal(
            """{"email":"pat@acme.io","firstName":"Pat","lastName":"Lee","status":"Active","type":"Standard","roles":[{"name":"Member"}],"teams":["platform"],"teamsIdentifiers":["platform"]}""",
            pat["user"]!.ToJsonString());
        Assert.Equal(["dev", "platform", "sre", "marketing"], teams["teams"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()));
        Assert.Equal([Alice, Sam], teams["teams"]![0]!["users"]!.AsArray().Select(u => u!["email"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fields);
    }

    [Theory]
    [InlineData("not-an-email", "Member", "email")]
    [InlineData("x@y.z", "Owner", "Owner")]
    public void MalformedUsersAreRefusedAtStart(string email, string role, string named)
    {
        using var webhooks = new HttpClient();
        var options = new PortEmulatorOptions { Users = [PortUser.DefaultAdmin, new PortUser(email, role, [])] };

        var error = Assert.Throws<ArgumentException>(() => new PortEmulator(options, webhooks));

        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void TheTokenUserMustBeAUser()
    {
        using var webhooks = new HttpClient();
        var options = new PortEmulatorOptions { Users = [new PortUser(Alice, PortUser.Member, [])] };

        var error = Assert.Throws<ArgumentException>(() => new PortEmulator(options, webhooks));

        Assert.Contains(PortUser.DefaultAdminEmail, error.Message);
    }
}

using Emulators.Hosting;
using Infra.Tests.Emulators.LiveUpdates;

namespace Infra.Tests.Emulators.Spacelift;

public sealed class WebhookAndPolicyTests : IAsyncLifetime
{
    private const string CreateWebhook = "mutation($input: NamedWebhooksIntegrationInput!) { namedWebhooksIntegrationCreate(input: $input) { id enabled endpoint space { id } name secret secretHeaders labels retryOnFailure } }";
    private const string ReadWebhook = "query($id: ID!) { namedWebhooksIntegration(id: $id) { id enabled endpoint name secret labels retryOnFailure } }";
    private const string CreatePolicy = "mutation($input: PolicyCreateInput!) { policyCreatev2(input: $input) { id labels name body type space description engineType } }";

    private EmulatorHost _host = null!;
    private GraphQLTestClient _client = null!;
    private string _token = null!;

    public async Task InitializeAsync()
    {
        _host = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = 3 });
        _client = new GraphQLTestClient(_host.SpaceliftGraphQLUrl);
        _token = await _client.MintTokenAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    private static object WebhookInput(string name = "Port Stack State", string? secret = "s3cret") => new
    {
        input = new { name, endpoint = "http://127.0.0.1:9/ingest/k", space = "root", enabled = true, retryOnFailure = true, secret, labels = new[] { "infra-owner:p/s" } },
    };

    private static object PolicyInput(string body, string name = "Port stack state") => new
    {
        input = new { name, body, type = "NOTIFICATION", engineType = "REGO_V1", space = "root", labels = Array.Empty<string>(), description = "Routes tracked runs" },
    };

    [Fact]
    public async Task ANamedWebhookGetsTheSlugOfItsNameAsIdAndItsSecretReadsBackEmpty()
    {
        var created = (await _client.PostAsync(CreateWebhook, WebhookInput(), _token)).AssertOk().Data.GetProperty("namedWebhooksIntegrationCreate");
        Assert.Equal("port-stack-state", created.GetProperty("id").GetString());
        Assert.Equal("root", created.GetProperty("space").GetProperty("id").GetString());
        Assert.Equal(string.Empty, created.GetProperty("secret").GetString());

        // An update without a secret keeps the stored one (deliveries stay signed).
        (await _client.PostAsync(
            "mutation($id: ID!, $input: NamedWebhooksIntegrationInput!) { namedWebhooksIntegrationUpdate(id: $id, input: $input) { id enabled } }",
            new { id = "port-stack-state", input = new { name = "Port Stack State", endpoint = "http://127.0.0.1:9/x", space = "root", enabled = false, labels = Array.Empty<string>() } },
            _token)).AssertOk();
        Assert.Equal("s3cret", _host.Spacelift.NamedWebhooks.Find("port-stack-state")!.Secret);
        var read = (await _client.PostAsync(ReadWebhook, new { id = "port-stack-state" }, _token)).AssertOk().Data.GetProperty("namedWebhooksIntegration");
        Assert.False(read.GetProperty("enabled").GetBoolean());
        Assert.Equal("http://127.0.0.1:9/x", read.GetProperty("endpoint").GetString());

        (await _client.PostAsync("mutation($id: ID!) { namedWebhooksIntegrationDelete(id: $id) { id } }", new { id = "port-stack-state" }, _token)).AssertOk();
        var gone = (await _client.PostAsync(ReadWebhook, new { id = "port-stack-state" }, _token)).AssertOk();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, gone.Data.GetProperty("namedWebhooksIntegration").ValueKind);
    }

    [Fact]
    public async Task ADuplicateNameIsRefused()
    {
        (await _client.PostAsync(CreateWebhook, WebhookInput(), _token)).AssertOk();
        var again = await _client.PostAsync(CreateWebhook, WebhookInput("port stack-state"), _token);
        Assert.Contains("named webhook with id 'port-stack-state' already exists", again.ErrorMessages);

        (await _client.PostAsync(CreatePolicy, PolicyInput(LiveUpdateBodies.PolicyBody("port-stack-state")), _token)).AssertOk();
        var policyAgain = await _client.PostAsync(CreatePolicy, PolicyInput(LiveUpdateBodies.PolicyBody("port-stack-state")), _token);
        Assert.Contains("policy with id 'port-stack-state' already exists", policyAgain.ErrorMessages);
    }

    [Fact]
    public async Task MutationsNeedATokenOfAnAdminKey()
    {
        _host.Spacelift.Tokens.AddApiKey("01READER", "reader", admin: false);
        var reader = await _client.MintTokenAsync("01READER", "reader");

        Assert.Contains("unauthorized", (await _client.PostAsync(CreateWebhook, WebhookInput(), reader)).ErrorMessages);
        Assert.Contains("unauthorized", (await _client.PostAsync(CreateWebhook, WebhookInput())).ErrorMessages);
        Assert.Contains("unauthorized", (await _client.PostAsync(CreatePolicy, PolicyInput(LiveUpdateBodies.PolicyBody("x")), reader)).ErrorMessages);
        Assert.Empty(_host.Spacelift.NamedWebhooks.All());
        Assert.Empty(_host.Spacelift.Policies.All());
    }

    [Fact]
    public async Task APolicyReadsBackWithItsFieldsAndIsListedWithoutBody()
    {
        var body = LiveUpdateBodies.PolicyBody("port-stack-state");
        var created = (await _client.PostAsync(CreatePolicy, PolicyInput(body), _token)).AssertOk().Data.GetProperty("policyCreatev2");
        Assert.Equal("port-stack-state", created.GetProperty("id").GetString());
        Assert.Equal("NOTIFICATION", created.GetProperty("type").GetString());
        Assert.Equal("REGO_V1", created.GetProperty("engineType").GetString());
        Assert.Equal("root", created.GetProperty("space").GetString());

        var read = (await _client.PostAsync("query($id: ID!) { policy(id: $id) { body description } policies { id name type } }", new { id = "port-stack-state" }, _token)).AssertOk();
        Assert.Equal(body, read.Data.GetProperty("policy").GetProperty("body").GetString());
        Assert.Equal("port-stack-state", Assert.Single(read.Data.GetProperty("policies").EnumerateArray()).GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("'payload' in a webhook rule", """webhook contains {"endpoint_id": endpoint.id, "payload": {"state": input.run_updated.state}} if { some endpoint in input.webhook_endpoints }""")]
    [InlineData("rule 'slack': only 'webhook' rules are evaluated", """slack contains {"channel_id": "C1"} if { input.run_updated.run.type == "TRACKED" }""")]
    [InlineData("'sprintf' in a webhook rule", """webhook contains {"endpoint_id": endpoint.id} if { some endpoint in input.webhook_endpoints; x := sprintf("%s", [endpoint.id]) }""")]
    [InlineData("'not' in a webhook rule", """webhook contains {"endpoint_id": endpoint.id} if { some endpoint in input.webhook_endpoints; not input.run_updated.run.drift_detection }""")]
    [InlineData("'headers' in a webhook rule", """webhook contains {"endpoint_id": "a", "headers": {"x": "y"}} if { input.run_updated.run.type == "TRACKED" }""")]
    [InlineData("variable 'run' in a webhook rule", """webhook contains {"endpoint_id": "a"} if { run := input.run_updated.run }""")]
    [InlineData("rule 'sample': only 'webhook' rules are evaluated", "sample := true")]
    public async Task APolicyTheEmulatorCannotEvaluateIsRefusedNamingTheConstruct(string construct, string rule)
    {
        var body = "package spacelift\n\nimport rego.v1\n\n" + rule + "\n";
        var response = await _client.PostAsync(CreatePolicy, PolicyInput(body), _token);

        var message = Assert.Single(response.ErrorMessages);
        Assert.Equal($"emulator cannot evaluate {construct}", message);
        Assert.Empty(_host.Spacelift.Policies.All());
    }

    [Fact]
    public async Task AnUpdateToABodyTheEmulatorCannotEvaluateIsRefusedAndTheOldBodyKept()
    {
        var body = LiveUpdateBodies.PolicyBody("port-stack-state");
        (await _client.PostAsync(CreatePolicy, PolicyInput(body), _token)).AssertOk();

        var response = await _client.PostAsync(
            "mutation($id: ID!, $input: PolicyUpdateInput!) { policyUpdatev2(id: $id, input: $input) { id } }",
            new { id = "port-stack-state", input = new { name = "Port stack state", body = body + "\nslack contains {\"channel_id\": \"C\"} if { true }\n" } },
            _token);

        Assert.Contains("emulator cannot evaluate rule 'slack': only 'webhook' rules are evaluated", response.ErrorMessages);
        Assert.Equal(body, _host.Spacelift.Policies.Find("port-stack-state")!.Body);
    }

    [Fact]
    public async Task OtherPolicyTypesAreStoredWithoutEvaluation()
    {
        var input = new { input = new { name = "Plan", body = "package spacelift\ndeny contains sprintf(\"x\", []) if { true }", type = "PLAN" } };
        (await _client.PostAsync(CreatePolicy, input, _token)).AssertOk();
        Assert.Equal("REGO_V0", _host.Spacelift.Policies.Find("plan")!.EngineType);
    }
}

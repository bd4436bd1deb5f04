using System.Net;
using System.Text.Json.Nodes;

namespace Infra.Tests.Emulators.Port;

public sealed class SecretTests
{
    private const string Secrets = "/v1/organization/secrets";
    private const string Value = "very-secret-value-123";

    [Fact]
    public async Task NoRouteEverAnswersTheValue()
    {
        await using var host = await PortTestHost.StartAsync();

        var answers = new List<JsonObject>
        {
            (await host.PostAsync(Secrets, new JsonObject { ["secretName"] = "SPACELIFT_TOKEN", ["secretValue"] = Value, ["description"] = "jwt" })).Body,
            (await host.GetAsync($"{Secrets}/SPACELIFT_TOKEN")).Body,
            (await host.GetAsync(Secrets)).Body,
            (await host.SendAsync(HttpMethod.Patch, $"{Secrets}/SPACELIFT_TOKEN", new JsonObject { ["secretValue"] = Value + "2" })).Body,
        };

        Assert.All(answers, a => Assert.True(a["ok"]!.GetValue<bool>()));
        Assert.All(answers, a => Assert.DoesNotContain(Value, a.ToJsonString()));
        Assert.All(answers, a => Assert.DoesNotContain("secretValue", a.ToJsonString()));
        Assert.Equal("jwt", answers[1]["secret"]!["description"]!.GetValue<string>());
        Assert.Equal("SPACELIFT_TOKEN", answers[2]["secrets"]![0]!["secretName"]!.GetValue<string>());
        Assert.Equal(Value + "2", host.Emulator.SecretValue("SPACELIFT_TOKEN"));
    }

    [Theory]
    [InlineData("SPACELIFT_API_KEY_ID", true)]
    [InlineData("a-b_c-9", true)]
    [InlineData("has.dot", false)]
    [InlineData("has space", false)]
    [InlineData("", false)]
    public async Task SecretNameRules(string name, bool accepted)
    {
        await using var host = await PortTestHost.StartAsync();

        var (status, _) = await host.PostAsync(Secrets, GuideResources.Secret(name, "v"));

        Assert.Equal(accepted ? HttpStatusCode.Created : HttpStatusCode.UnprocessableEntity, status);
    }

    [Fact]
    public async Task NameLongerThan100AndDescriptionLongerThan200AreRejected()
    {
        await using var host = await PortTestHost.StartAsync();
        var longDescription = GuideResources.Secret("ok", "v");
        longDescription["description"] = new string('d', 201);

        Assert.Equal(HttpStatusCode.Created, (await host.PostAsync(Secrets, GuideResources.Secret(new string('a', 100), "v"))).Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await host.PostAsync(Secrets, GuideResources.Secret(new string('a', 101), "v"))).Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await host.PostAsync(Secrets, longDescription)).Status);
    }

    [Fact]
    public async Task CreateIsStrictAndDuplicatesConflict()
    {
        await using var host = await PortTestHost.StartAsync();
        var extra = GuideResources.Secret("A", "v");
        extra["tags"] = new JsonArray();

        var (strict, _) = await host.PostAsync(Secrets, extra);
        var (missingValue, message) = await host.PostAsync(Secrets, new JsonObject { ["secretName"] = "A" });
        await host.PostAsync(Secrets, GuideResources.Secret("A", "v"));
        var (duplicate, conflict) = await host.PostAsync(Secrets, GuideResources.Secret("A", "w"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, strict);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missingValue);
        Assert.Contains("secretValue", message["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, duplicate);
        Assert.Equal("identifier_taken", conflict["error"]!.GetValue<string>());
        Assert.Equal("v", host.Emulator.SecretValue("A"));
    }

    [Fact]
    public async Task PatchAcceptsOnlyValueAndDescription()
    {
        await using var host = await PortTestHost.StartAsync();
        await host.PostAsync(Secrets, GuideResources.Secret("A", "v"));

        var (rename, body) = await host.SendAsync(HttpMethod.Patch, $"{Secrets}/A", new JsonObject { ["secretName"] = "B", ["secretValue"] = "x" });
        var (describe, _) = await host.SendAsync(HttpMethod.Patch, $"{Secrets}/A", new JsonObject { ["description"] = "" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, rename);
        Assert.Contains("secretName", body["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, describe);
        Assert.Equal("v", host.Emulator.SecretValue("A"));
        Assert.Equal(string.Empty, host.Emulator.SecretMetadata("A")!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownSecretsAnswer404AndDeleteRemoves()
    {
        await using var host = await PortTestHost.StartAsync();
        await host.PostAsync(Secrets, GuideResources.Secret("A", "v"));

        var (deleted, _) = await host.SendAsync(HttpMethod.Delete, $"{Secrets}/A");
        var (get, error) = await host.GetAsync($"{Secrets}/A");
        var (patch, _) = await host.SendAsync(HttpMethod.Patch, $"{Secrets}/A", new JsonObject { ["secretValue"] = "x" });

        Assert.Equal(HttpStatusCode.OK, deleted);
        Assert.Equal(HttpStatusCode.NotFound, get);
        Assert.Equal("not_found", error["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, patch);
    }
}

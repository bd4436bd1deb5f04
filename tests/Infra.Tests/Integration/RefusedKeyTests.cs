using System.Text.Json.Nodes;
using Emulators.Hosting;
using Infra.Cli.Diagnostics;
using Infra.Tests.Support;
using Infra.Stacks;

namespace Infra.Tests.Integration;

/// <summary>
/// Spacelift refuses a wrong API key with HTTP 200, <c>errors</c> and <c>apiKeyUser: null</c>, so Port marks
/// the refresh run SUCCESS. The declared automation must not fire on such a run (issue 10, item 2).
/// </summary>
[Trait("Category", "Integration")]
public sealed class RefusedKeyTests
{
    [Fact]
    public async Task RefreshWithAWrongKeySecretStartsNoAutomationRunAndTheOldTokenKeepsWorking()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 3 });
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        var minted = sandbox.TokenSecret();
        using var api = sandbox.PortApi();
        await api.SendAsync(HttpMethod.Patch, $"v1/organization/secrets/{ResourceNames.Guide.ApiKeySecretSecret}", new JsonObject { ["secretValue"] = "wrong" });

        await api.SendAsync(HttpMethod.Post, $"v1/actions/{ResourceNames.Guide.RefreshAction}/runs", new JsonObject { ["properties"] = new JsonObject() });
        await sandbox.Emulators.Port.WhenIdleAsync();

        var runs = sandbox.Emulators.Port.Runs();
        var refresh = Assert.Single(runs, r => r["action"]!["identifier"]!.GetValue<string>() == ResourceNames.Guide.RefreshAction);
        Assert.Equal("SUCCESS", refresh["status"]!.GetValue<string>());
        Assert.NotNull(refresh["response"]!["errors"]);
        Assert.DoesNotContain(runs, r => r["action"]!["identifier"]!.GetValue<string>() == ResourceNames.Guide.TokenAutomation);
        Assert.Equal(minted, sandbox.TokenSecret());
        await ProgramFlowTests.TriggerAsync(sandbox, api, sandbox.StackIds()[0]);
        Assert.Equal(minted, Assert.Single(sandbox.Emulators.Spacelift.Runs.All()).Token);
    }
}

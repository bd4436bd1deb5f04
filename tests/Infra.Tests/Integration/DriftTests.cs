using System.Text.Json.Nodes;
using Emulators.Hosting;
using Infra.Cli.Diagnostics;
using Infra.Cli.Engine;
using Infra.Cli.Port;
using Infra.Tests.Support;
using Infra.Cli.Http;
using Infra.Stacks;

namespace Infra.Tests.Integration;

/// <summary><c>preview --expect-no-changes</c> as a drift check (issue "GitOps"): 7 for drift, another code for errors.</summary>
[Trait("Category", "Integration")]
public sealed class DriftTests
{
    // What PUT /v1/actions accepts; the emulator's stored copy also has meta fields.
    private static readonly string[] ActionFields =
        ["identifier", "title", "icon", "description", "trigger", "invocationMethod", "requiredApproval", "approvalNotification", "publish", "allowAnyoneToViewRuns"];

    [Theory]
    [InlineData("action header edited in Port")]
    [InlineData("action title edited in Port")]
    [InlineData("entity deleted in Port")]
    [InlineData("entity property edited in Port")]
    [InlineData("stack changed in Spacelift")]
    [InlineData("secret deleted in Port")]
    public async Task ExpectNoChangesExitsSevenOnDriftAndUpRepairsIt(string drift)
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 10 });
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        using var api = sandbox.PortApi();

        await MakeDriftAsync(sandbox, api, drift);
        var check = await sandbox.Cli("preview", "--expect-no-changes");

        Expect.Exit(ExitCodes.ChangesDetected, check);
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("up", "--yes"));
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("preview", "--expect-no-changes"));
        sandbox.AssertEntitiesMatchStacks();
    }

    [Fact]
    public async Task ExpectNoChangesExitsWithAuthenticationCodeOnBadCredentials()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 3 });
        sandbox.Environment["PORT_CLIENT_SECRET"] = "not-the-secret";

        var check = await sandbox.Cli("preview", "--expect-no-changes");

        Expect.Exit(ExitCodes.Authentication, check);
        Expect.OneLineError(check);
    }

    [Fact]
    public async Task ExpectNoChangesExitsWithFailureWhenPortIsUnreachable()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 3 });
        sandbox.Config["port:baseUrl"] = $"http://127.0.0.1:{ClosedPort.Next()}/";
        sandbox.WriteStackFile();
        // One retry instead of six keeps the test fast; the exit code is what is checked.
        sandbox.Engines = Infra.Cli.Hosting.Engines.Create(new Infra.Stacks.SpaceliftIntegration(), TimeProvider.System, new ClientOptions(MaxRetries: 1));

        var check = await sandbox.Cli("preview", "--expect-no-changes");

        Expect.Exit(ExitCodes.Failure, check);
        Expect.OneLineError(check);
    }

    private static async Task MakeDriftAsync(Sandbox sandbox, PortApi api, string drift)
    {
        var entity = sandbox.EntityIds()[0];
        switch (drift)
        {
            case "action header edited in Port":
                await EditActionAsync(sandbox, api, a => a["invocationMethod"]!["headers"]!["X-Edited-By-Hand"] = "yes");
                break;
            case "action title edited in Port":
                await EditActionAsync(sandbox, api, a => a["title"] = "Edited by hand");
                break;
            case "entity deleted in Port":
                await api.SendAsync(HttpMethod.Delete, $"v1/blueprints/{Sandbox.Blueprint}/entities/{Uri.EscapeDataString(entity)}");
                break;
            case "entity property edited in Port":
                await api.SendAsync(HttpMethod.Patch, $"v1/blueprints/{Sandbox.Blueprint}/entities/{Uri.EscapeDataString(entity)}",
                    new JsonObject { ["properties"] = new JsonObject { ["branch"] = "edited-by-hand" } });
                break;
            case "stack changed in Spacelift":
                sandbox.Emulators.Spacelift.Stacks.Update(sandbox.StackIds()[0], s => s with { Description = "changed in Spacelift" });
                break;
            case "secret deleted in Port":
                await api.SendAsync(HttpMethod.Delete, $"v1/organization/secrets/{ResourceNames.Guide.ApiKeyIdSecret}");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(drift), drift, null);
        }
    }

    private static async Task EditActionAsync(Sandbox sandbox, PortApi api, Action<JsonObject> edit)
    {
        var stored = sandbox.Emulators.Port.Action(ResourceNames.Guide.TriggerAction)!;
        var action = new JsonObject();
        foreach (var field in ActionFields.Where(stored.ContainsKey))
        {
            action[field] = stored[field]!.DeepClone();
        }

        edit(action);
        await api.SendAsync(HttpMethod.Put, $"v1/actions/{ResourceNames.Guide.TriggerAction}", action);
    }
}

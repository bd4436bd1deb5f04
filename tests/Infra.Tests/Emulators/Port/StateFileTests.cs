using System.Net;
using System.Text.Json.Nodes;
using Emulators.Port;

namespace Infra.Tests.Emulators.Port;

public sealed class StateFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("port-state-").FullName;

    private string StateFile => Path.Combine(_directory, "port.json");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task TheOrganisationSurvivesARestartWithSecretsNotInClear()
    {
        var options = new PortEmulatorOptions { StateFile = StateFile };
        await using (var first = await PortTestHost.StartAsync(options))
        {
            await first.CreateBlueprintAsync(GuideResources.Blueprint());
            await first.PostAsync("/v1/blueprints/space_lift_stack/entities/bulk", new JsonObject
            {
                ["entities"] = new JsonArray(new JsonObject { ["identifier"] = "b" }, new JsonObject { ["identifier"] = "a" }),
            });
            await first.PostAsync("/v1/actions", GuideResources.Automation());
            await first.PostAsync("/v1/organization/secrets", GuideResources.Secret("SPACELIFT_TOKEN", "clear-text-jwt"));
        }

        await using var second = await PortTestHost.StartAsync(options);

        Assert.DoesNotContain("clear-text-jwt", await File.ReadAllTextAsync(StateFile));
        Assert.Equal(["b", "a"], second.Emulator.Entities("space_lift_stack").Select(e => e["identifier"]!.GetValue<string>()));
        Assert.NotNull(second.Emulator.Action("spacelift_token_refresh_sync"));
        Assert.Equal("clear-text-jwt", second.Emulator.SecretValue("SPACELIFT_TOKEN"));
        var (status, _) = await second.PostAsync("/v1/blueprints/space_lift_stack/entities", new JsonObject { ["identifier"] = "a" });
        Assert.Equal(HttpStatusCode.Conflict, status);
    }

    [Fact]
    public async Task ActionPermissionsSurviveARestart()
    {
        // The demo restarts its emulators for every command: permissions `up` set must still be there for the next preview.
        var options = new PortEmulatorOptions { StateFile = StateFile };
        await using (var first = await PortTestHost.StartAsync(options))
        {
            await first.PostAsync("/v1/actions", GuideResources.RefreshAction("http://127.0.0.1:1/graphql"));
            var (patched, _) = await first.SendAsync(HttpMethod.Patch, "/v1/actions/refresh_spacelift_token/permissions", new JsonObject
            {
                ["execute"] = new JsonObject { ["roles"] = new JsonArray("Admin", "Member") },
            });
            Assert.Equal(HttpStatusCode.OK, patched);
        }

        await using var second = await PortTestHost.StartAsync(options);

        var (status, body) = await second.GetAsync("/v1/actions/refresh_spacelift_token/permissions");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["Admin", "Member"], body!["permissions"]!["execute"]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task ChangesAreWrittenWithoutAnExplicitFlush()
    {
        await using var host = await PortTestHost.StartAsync(new PortEmulatorOptions { StateFile = StateFile, StateSaveDelay = TimeSpan.FromMilliseconds(10) });

        await host.CreateBlueprintAsync(GuideResources.Blueprint());

        var written = false;
        for (var attempt = 0; attempt < 200 && !written; attempt++)
        {
            await Task.Delay(25);
            written = File.Exists(StateFile) && (await File.ReadAllTextAsync(StateFile)).Contains("space_lift_stack");
        }

        Assert.True(written);
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
    }

    [Fact]
    public async Task AStateFileWrittenWithOtherCredentialsIsRefused()
    {
        await using (var first = await PortTestHost.StartAsync(new PortEmulatorOptions { StateFile = StateFile }))
        {
            await first.PostAsync("/v1/organization/secrets", GuideResources.Secret("A", "v"));
        }

        using var webhooks = new HttpClient();
        var error = Assert.Throws<InvalidDataException>(() =>
            new PortEmulator(new PortEmulatorOptions { StateFile = StateFile, ClientSecret = "other" }, webhooks));

        Assert.Contains("state file", error.Message);
    }
}

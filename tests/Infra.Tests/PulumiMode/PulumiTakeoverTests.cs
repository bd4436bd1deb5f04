using System.Text.Json.Nodes;
using Emulators.Hosting;
using FakePulumiEngine;
using Infra.Tests.Support;

namespace Infra.Tests.PulumiMode;

/// <summary>
/// The takeover of docs/pulumi-mode.md replayed: the standalone engine set the organisation up, <c>pulumi import</c>
/// left Pulumi's state as the provider reads it back (a secret's <c>secretName</c> and <c>description</c>,
/// never its value), and every later preview and up must pass the provider's Check with Pulumi's
/// ignoreChanges rule applied (tests/FakePulumiEngine/IgnoreChanges.cs).
/// </summary>
[Collection(ChildProcessCollection.Name)]
public sealed class PulumiTakeoverTests
{
    [Fact]
    public async Task StandaloneUpThenImportStateThenPreviewAndUpSucceed()
    {
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = 3 });

        // 1. The standalone engine's up, on the same project and stack (so the same owner).
        foreach (var (key, value) in world.Config.Where(c => !world.SecretKeys.Contains(c.Key)))
        {
            world.Cli.ConfigSet("dev", key, value);
        }

        using (var standalone = ChildProcess.Start(["up", "--stack", "dev", "--cwd", world.Directory, "--yes"], new Dictionary<string, string?>
        {
            ["PORT_CLIENT_SECRET"] = world.Config["port:secret"],
            ["SPACELIFT_API_KEY_SECRET"] = world.Config["spacelift:apiKeySecret"],
            ["NO_COLOR"] = "1",
        }))
        {
            var up = await standalone.WaitAsync(TimeSpan.FromMinutes(3));
            Assert.True(up.ExitCode == 0, up.ToString());
        }

        var standaloneToken = world.Emulators.Port.SecretMetadata("SPACELIFT_TOKEN")!["description"]!.GetValue<string>();
        Assert.Contains("validUntil:", standaloneToken, StringComparison.Ordinal);

        // 2. The state the imports leave: what the provider reads back. A secret's value is never read.
        var (listed, listedCalls) = await world.RunAsync(new FakeEngineOptions { DryRun = true });
        Assert.True(listed.ExitCode == 0, listed.ToString());
        var state = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var call in listedCalls.Registrations().Where(c => c.Request["custom"]?.GetValue<bool>() == true))
        {
            var type = Recorded.Text(call.Request, "type")!;
            var name = Recorded.Text(call.Request, "name")!;
            state[Recorded.Urn(type, name)] = type == Recorded.Secret
                ? new JsonObject { ["secretName"] = name, ["description"] = world.Emulators.Port.SecretMetadata(name)!["description"]!.DeepClone() }
                : call.Request["object"]!.AsObject().DeepClone().AsObject();
        }

        Assert.DoesNotContain(state.Values, inputs => inputs.ContainsKey("secretValue"));
        var check = (Func<string, JsonObject, IReadOnlyList<string>>)ProviderSchema.Port.Validate;

        // 3. preview: the token the standalone engine wrote is re-minted, so it is an unknown secret, not an ignored one.
        var (preview, previewCalls) = await world.RunAsync(new FakeEngineOptions { DryRun = true, State = state, Check = check, ExistingUrns = state.Keys.ToHashSet() });
        Assert.Empty(previewCalls.Where(c => c.Method == "CheckFailure").Select(c => c.Request.ToJsonString()));
        Assert.True(preview.ExitCode == 0, preview.ToString());
        var previewed = previewCalls.Named(Recorded.Secret, "SPACELIFT_TOKEN").Request;
        Assert.Equal(ProviderSchema.Unknown, previewed["object"]!["secretValue"]!["value"]!.GetValue<string>());
        Assert.Empty(Recorded.Strings(previewed, "ignoreChanges"));

        // 4. up: minted and stored in Pulumi's state; the provider writes it to Port.
        var (up1, up1Calls) = await world.RunAsync(new FakeEngineOptions { State = state, Check = check });
        Assert.Empty(up1Calls.Where(c => c.Method == "CheckFailure").Select(c => c.Request.ToJsonString()));
        Assert.True(up1.ExitCode == 0, up1.ToString());
        var minted = state[Recorded.Urn(Recorded.Secret, "SPACELIFT_TOKEN")];
        Assert.Contains("by:pulumi", minted["description"]!.GetValue<string>(), StringComparison.Ordinal);
        using (var api = new PortApi(world.Emulators.PortUrl, world.Emulators.Options.PortClientId, world.Emulators.Options.PortClientSecret))
        {
            await api.SendAsync(HttpMethod.Patch, "v1/organization/secrets/SPACELIFT_TOKEN", new JsonObject
            {
                ["secretValue"] = minted["secretValue"]!["value"]!.GetValue<string>(),
                ["description"] = minted["description"]!.GetValue<string>(),
            });
        }

        // 5. Every later preview and up keeps it (ignoreChanges) and passes Check: the state now holds the value.
        foreach (var dryRun in new[] { true, false })
        {
            var (run, calls) = await world.RunAsync(new FakeEngineOptions { DryRun = dryRun, State = state, Check = check });
            Assert.Empty(calls.Where(c => c.Method == "CheckFailure").Select(c => c.Request.ToJsonString()));
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal(["secretValue", "description"], Recorded.Strings(calls.Named(Recorded.Secret, "SPACELIFT_TOKEN").Request, "ignoreChanges"));
        }

        Assert.Equal(minted["secretValue"]!.ToJsonString(), state[Recorded.Urn(Recorded.Secret, "SPACELIFT_TOKEN")]["secretValue"]!.ToJsonString());
    }
}

/// <summary>The fake engine's ignoreChanges rule, as <c>PropertyPath.reset</c> has it.</summary>
public sealed class IgnoreChangesRuleTests
{
    [Fact]
    public void AnIgnoredInputTakesTheStatesValueOrIsDroppedWhenTheStateHasNone()
    {
        var old = new JsonObject { ["secretName"] = "T", ["description"] = "old" };
        var inputs = new JsonObject { ["secretName"] = "T", ["secretValue"] = "", ["description"] = "new" };

        var result = IgnoreChanges.Apply(old, inputs, ["secretValue", "description"]);

        Assert.Equal("{\"secretName\":\"T\",\"description\":\"old\"}", result.ToJsonString());
        Assert.Equal("{\"a\":1}", IgnoreChanges.Apply(null, new JsonObject { ["a"] = 1 }, ["a"]).ToJsonString());
    }
}

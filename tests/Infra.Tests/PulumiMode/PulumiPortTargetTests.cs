using Emulators.Hosting;
using Infra.Tests.Support;

namespace Infra.Tests.PulumiMode;

/// <summary>
/// One Port target: when the stack's <c>port:*</c> keys and the PORT_* variables name different
/// organisations, the program reads (and ownership-checks) the one the environment names, and the
/// provider must write to that same one. The Port provider's own rule would pick the stack's
/// (port-labs/terraform-provider-port-labs <c>provider/provider.go</c>), so the program hands it an
/// explicit provider with the values it resolved.
/// </summary>
[Collection(ChildProcessCollection.Name)]
public sealed class PulumiPortTargetTests
{
    [Fact]
    public async Task StackAndEnvironmentDisagreeTheProviderTargetsWhatTheProgramRead()
    {
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = 2 });
        await using var other = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = 0, PortClientId = "client-b", PortClientSecret = "secret-b" });
        // The stack names organisation A (world); the shell exports organisation B (other).
        world.ExtraEnvironment["PORT_BASE_URL"] = other.PortUrl.AbsoluteUri;
        world.ExtraEnvironment["PORT_CLIENT_ID"] = "client-b";
        world.ExtraEnvironment["PORT_CLIENT_SECRET"] = "secret-b";
        world.Emulators.Counters.Reset();

        var (run, calls) = await world.RunAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        var read = other.PortUrl.AbsoluteUri.TrimEnd('/');
        Assert.Equal(0, world.Emulators.Counters.Port.Total);
        Assert.True(other.Counters.Port.Total > 0, "the program read no Port organisation");

        // The provider's target is the organisation the program read: explicit inputs, the secret wrapped.
        var provider = calls.Named(Recorded.Provider, "port").Request;
        var inputs = provider["object"]!.AsObject();
        Assert.Equal(read, inputs["baseUrl"]!.GetValue<string>());
        Assert.Equal("client-b", inputs["clientId"]!.GetValue<string>());
        Assert.Equal(ProviderSchema.SecretSignature, inputs["secret"]![ProviderSchema.SecretKey]!.GetValue<string>());
        Assert.Equal("secret-b", inputs["secret"]!["value"]!.GetValue<string>());
        Assert.Empty(ProviderSchema.Port.Validate(Recorded.Provider, inputs));
        Assert.Equal(Recorded.Urn(Recorded.Stack, "infra-dev"), Recorded.Text(provider, "parent"));
        Assert.Equal("2.21.10", Recorded.Text(provider, "version"));

        // Every Port resource uses it, none the engine's default provider.
        var custom = calls.Custom();
        Assert.NotEmpty(custom);
        Assert.All(custom, c => Assert.Equal(Recorded.ProviderReference(), Recorded.Text(c.Request, "provider")));
        Assert.True(calls.Named(Recorded.Provider, "port").Sequence < custom.Min(c => c.Sequence));

        // The automation's PATCH goes to the same organisation.
        var automation = calls.Named(Recorded.Action, "spacelift_token_refresh_sync").Request["object"]!.ToJsonString();
        Assert.Contains(read + "/v1/", automation, StringComparison.Ordinal);
        Assert.DoesNotContain(world.Emulators.PortUrl.AbsoluteUri.TrimEnd('/'), automation, StringComparison.Ordinal);

        // Nothing printed carries the credential.
        Assert.DoesNotContain("secret-b", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InAPreviewTheProviderIsReferencedWithTheUnknownId()
    {
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = 1 });

        var (run, calls) = await world.RunAsync(new FakePulumiEngine.FakeEngineOptions { DryRun = true });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.All(calls.Custom(), c => Assert.Equal(Recorded.ProviderReference(ProviderSchema.Unknown), Recorded.Text(c.Request, "provider")));
    }
}

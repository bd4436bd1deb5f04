using System.Text.Json.Nodes;
using Emulators.Hosting;
using Emulators.Spacelift.Webhooks;
using Emulators.Unknowns;
using FakePulumiEngine;
using Infra.Cli.PulumiMode.Bridged;
using Infra.Tests.PulumiMode.Bridged;
using Infra.Tests.Support;

namespace Infra.Tests.PulumiMode;

/// <summary>
/// Pulumi mode with <c>infra:liveUpdates</c> on, through the CLI's front door: the Port webhook through the Port
/// provider, the named webhook and the policy through Spacelift's Terraform provider bridged as a parameterized
/// package (registered once, every Spacelift resource under its reference), each registration checked against the
/// provider's schema as recorded; the shared secret derived, so a run after the loop exists changes nothing.
/// </summary>
[Collection(ChildProcessCollection.Name)]
public sealed class PulumiLiveUpdatesTests
{
    private const string PortWebhook = "spacelift_stack_state";
    private const string NamedWebhook = "port-stack-state";
    private const string Policy = "port-stack-state-routing";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task APreviewAndAnUpRegisterBothEndsThePackageOnceAndEverySpaceliftResourceUnderItsReference(bool preview)
    {
        await using var world = await StartAsync();

        var (run, calls) = await world.RunAsync(Options(preview));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Empty(calls.Where(c => c.Method is "CheckFailure" or "UnknownProvider").Select(c => c.Request.ToJsonString()));
        var package = Assert.Single(calls, c => c.Method == "RegisterPackage").Request;
        Assert.Equal((SpaceliftPackage.PluginName, SpaceliftPackage.PluginVersion), (Recorded.Text(package, "name"), Recorded.Text(package, "version")));
        Assert.Equal((SpaceliftPackage.Name, SpaceliftPackage.Version), (Recorded.Text(package["parameterization"]!.AsObject(), "name"), Recorded.Text(package["parameterization"]!.AsObject(), "version")));
        var spacelift = calls.Registrations().Where(c => Recorded.Text(c.Request, "type")!.StartsWith("spacelift:", StringComparison.Ordinal) || Recorded.Text(c.Request, "type") == Recorded.SpaceliftProvider).ToList();
        Assert.Equal([Recorded.SpaceliftProvider, Recorded.NamedWebhook, Recorded.Policy], spacelift.Select(c => Recorded.Text(c.Request, "type")));
        var reference = Assert.Single(spacelift.Select(c => Recorded.Text(c.Request, "packageRef")).Distinct());
        Assert.False(string.IsNullOrEmpty(reference));
        Assert.DoesNotContain(calls.Registrations().Where(c => !spacelift.Contains(c)), c => Recorded.Text(c.Request, "packageRef") is { Length: > 0 });

        var port = calls.Named(Recorded.Webhook, PortWebhook).Request;
        var named = calls.Named(Recorded.NamedWebhook, NamedWebhook).Request;
        var policy = calls.Named(Recorded.Policy, Policy).Request;
        Assert.Equal([Recorded.Urn(Recorded.Webhook, PortWebhook)], Recorded.Strings(named, "dependencies"));
        Assert.Equal([Recorded.Urn(Recorded.NamedWebhook, NamedWebhook)], Recorded.Strings(policy, "dependencies"));
        Assert.All(spacelift.Skip(1), c => Assert.StartsWith(Recorded.Urn(Recorded.SpaceliftProvider, "spacelift") + "::", Recorded.Text(c.Request, "provider"), StringComparison.Ordinal));

        // One secret at both ends, as Pulumi secrets, and the same fingerprint recorded at both.
        var secret = SecretIn(port["object"]!["security"]!["secret"]);
        Assert.Equal(secret, SecretIn(named["object"]!["secretWo"]));
        var fingerprint = named["object"]!["labels"]!.AsArray().Select(l => l!.GetValue<string>()).Single(l => l.StartsWith("infra-fp:", StringComparison.Ordinal))["infra-fp:".Length..];
        Assert.EndsWith("fp:" + fingerprint, port["object"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("infra-owner:infra/dev", named["object"]!["labels"]!.AsArray().Select(l => l!.GetValue<string>()));

        if (preview)
        {
            // The Port webhook and the named webhook are created by this update: their url and id are not known yet.
            Assert.Equal(ProviderSchema.Unknown, named["object"]!["endpoint"]!.GetValue<string>());
            Assert.Equal(ProviderSchema.Unknown, policy["object"]!["body"]!.GetValue<string>());
        }
        else
        {
            Assert.Equal(IngestUrl(PortWebhook), named["object"]!["endpoint"]!.GetValue<string>());
            // The rule names the id the engine answered for the named webhook (here, as the fake engine answers, its name).
            Assert.Contains($"endpoint.id == \"{NamedWebhook}\"", policy["object"]!["body"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        AssertSecretOnlyWrapped(calls, secret, run);
    }

    /// <summary>
    /// What the engine receives for the loop, pinned: the feature check, the package, the Spacelift provider and the three
    /// ends (the package reference, secrets' values and the emulators' addresses replaced by placeholders).
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TheLoopsRegistrationsMatchTheirGoldenFile(bool preview)
    {
        await using var world = await StartAsync();

        var (run, calls) = await world.RunAsync(Options(preview));

        Assert.True(run.ExitCode == 0, run.ToString());
        var reference = Recorded.Text(calls.Named(Recorded.NamedWebhook, NamedWebhook).Request, "packageRef")!;
        var loop = new JsonArray([.. calls
            .Where(c => (c.Method == "SupportsFeature" && Recorded.Text(c.Request, "id") == "parameterization") || c.Method == "RegisterPackage"
                || (c.Method == "RegisterResource" && Recorded.Text(c.Request, "type") is Recorded.Webhook or Recorded.SpaceliftProvider or Recorded.NamedWebhook or Recorded.Policy))
            .Select(c => (JsonNode)new JsonObject { ["method"] = c.Method, ["request"] = WithoutSecrets(c.Request) })]);
        var text = loop.ToJsonString(GoldenDeclaration.Indented)
            .Replace(reference, "<packageRef>", StringComparison.Ordinal)
            .Replace(world.Emulators.SpaceliftUrl.AbsoluteUri.TrimEnd('/'), "<spacelift>", StringComparison.Ordinal);

        GoldenFiles.Verify($"PulumiMode/Golden/Bridged/live-updates.{(preview ? "first-preview" : "up")}.json", text + "\n", "FullyQualifiedName~TheLoopsRegistrationsMatchTheirGoldenFile");
    }

    [Fact]
    public async Task AnEngineWithoutParameterizationGetsOneLineNamingTheCliVersionAndNothingIsRegistered()
    {
        await using var world = await StartAsync();

        var (run, calls) = await world.RunAsync(Options(preview: false) with { SupportsParameterization = false });

        Assert.NotEqual(0, run.ExitCode);
        Assert.Empty(calls.Custom());
        Assert.DoesNotContain(calls, c => c.Method == "RegisterPackage");
        Assert.DoesNotContain(calls.Registrations(), c => Recorded.Text(c.Request, "type")!.StartsWith("pulumi:providers:", StringComparison.Ordinal));
        var message = Recorded.Text(Assert.Single(calls.Errors()).Request, "message") ?? "";
        Assert.Contains(SpaceliftPackage.MinimumCliVersion, message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message.TrimEnd());
    }

    /// <summary>
    /// The takeover from the standalone engine, then idleness: the ends hold the standalone engine's random secret, so
    /// the first <c>pulumi up</c> writes the derived one to both (a new <c>secretWoVersion</c>); once both ends hold it,
    /// an <c>up</c> sends exactly what the engine stored, and the named webhook's secret inputs are kept from its state.
    /// </summary>
    [Fact]
    public async Task AfterTheFirstUpWritesTheDerivedSecretAnIdleUpChangesNothing()
    {
        await using var world = await StartAsync();
        await StandaloneUpAsync(world);
        var state = new Dictionary<string, JsonObject>(StringComparer.Ordinal);

        var (first, firstCalls) = await world.RunAsync(Options(preview: false) with { State = state });
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains(firstCalls.Where(c => c.Method == "Log"), c => Recorded.Text(c.Request, "message")!.Contains("a new shared secret", StringComparison.Ordinal));
        var named = firstCalls.Named(Recorded.NamedWebhook, NamedWebhook).Request;
        Assert.Contains('.', named["object"]!["secretWoVersion"]!.GetValue<string>());
        Assert.Empty(Recorded.Strings(named, "ignoreChanges"));
        ApplyAsTheProvidersWould(world, firstCalls);
        var stored = Snapshot(state);

        for (var run = 0; run < 2; run++)
        {
            var (idle, idleCalls) = await world.RunAsync(Options(preview: false) with { State = state });

            Assert.True(idle.ExitCode == 0, idle.ToString());
            Assert.DoesNotContain(idleCalls.Where(c => c.Method == "Log"), c => Recorded.Text(c.Request, "message")!.Contains("shared secret", StringComparison.Ordinal));
            Assert.Equal(["secretWo", "secretWoVersion"], Recorded.Strings(idleCalls.Named(Recorded.NamedWebhook, NamedWebhook).Request, "ignoreChanges"));
            Assert.Equal(stored, Snapshot(state));
        }
    }

    [Fact]
    public async Task IfSpaceliftCannotBeReadNeitherEndIsRegistered()
    {
        // Two named webhooks by the program's name: which one is this stack's is not guessed, so the read is not trusted.
        await using var world = await StartAsync(new EmulatorOptions { Stacks = 2, SpaceliftIds = GeneratedIds.SlugWithSuffix });
        foreach (var id in new[] { "port-stack-state-01", "port-stack-state-02" })
        {
            world.Emulators.Spacelift.NamedWebhooks.Add(new NamedWebhook { Id = id, Name = NamedWebhook, Endpoint = "https://ingest.example/x", Space = "root", Enabled = true });
        }

        var (run, calls) = await world.RunAsync(Options(preview: false));

        Assert.NotEqual(0, run.ExitCode);
        Assert.DoesNotContain(calls.Custom(), c => Recorded.Text(c.Request, "type") is Recorded.Webhook or Recorded.NamedWebhook or Recorded.Policy);
        Assert.Contains(calls.Custom(), c => Recorded.Text(c.Request, "type") == Recorded.Blueprint);
        Assert.Contains(calls.Errors(), c => Recorded.Text(c.Request, "message")!.Contains("port-stack-state-01", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnderContinueOnErrorAFailedPortWebhookSkipsTheSpaceliftEndAndTheProgramGoesOn()
    {
        await using var world = await StartAsync();

        var (run, calls) = await world.RunAsync(Options(preview: false) with { ContinueOnError = true, Fails = (type, _) => type == Recorded.Webhook });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(calls, c => c.Method == "StepSkipped" && Recorded.Text(c.Request, "urn") == Recorded.Urn(Recorded.NamedWebhook, NamedWebhook));
        Assert.Contains(calls, c => c.Method == "StepSkipped" && Recorded.Text(c.Request, "urn") == Recorded.Urn(Recorded.Policy, Policy));
        Assert.Contains(calls.Custom(), c => Recorded.Text(c.Request, "type") == Recorded.Entity);
    }

    [Fact]
    public async Task ANamedWebhookAnotherStackOwnsStopsTheRunBeforeAnyResourceIsRegistered()
    {
        await using var world = await StartAsync();
        world.Emulators.Spacelift.NamedWebhooks.Add(new NamedWebhook
        {
            Id = NamedWebhook, Name = NamedWebhook, Endpoint = "https://ingest.example/x", Space = "root", Enabled = true, Labels = ["infra-owner:infra/other"],
        });

        var (run, calls) = await world.RunAsync(Options(preview: false));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Empty(calls.Custom());
        Assert.Contains("infra/other", Recorded.Text(Assert.Single(calls.Errors()).Request, "message"), StringComparison.Ordinal);
    }

    private static async Task<PulumiWorld> StartAsync(EmulatorOptions? options = null)
    {
        var world = await PulumiWorld.StartAsync(options ?? new EmulatorOptions { Stacks = 2 });
        world.Config["infra:liveUpdates"] = "true";
        return world;
    }

    /// <summary>The engine as it runs the two providers: each checks its inputs, and Port's computes the webhook's url.</summary>
    private static FakeEngineOptions Options(bool preview) => new()
    {
        DryRun = preview,
        Check = (type, inputs) => type.StartsWith("spacelift:", StringComparison.Ordinal) || type == Recorded.SpaceliftProvider
            ? TerraformSchema.Spacelift.Validate(type, inputs)
            : ProviderSchema.Port.Validate(type, inputs),
        ComputedOutputs = (type, inputs) => type == Recorded.Webhook ? new JsonObject { ["url"] = IngestUrl(inputs["identifier"]!.GetValue<string>()) } : null,
    };

    private static string IngestUrl(string identifier) => "https://ingest.getport.io/key-of-" + identifier;

    /// <summary>A copy with every secret envelope's value replaced, so a golden file holds none.</summary>
    private static JsonNode WithoutSecrets(JsonNode node) => node switch
    {
        JsonObject envelope when envelope[ProviderSchema.SecretKey]?.GetValue<string>() == ProviderSchema.SecretSignature
            => new JsonObject { [ProviderSchema.SecretKey] = ProviderSchema.SecretSignature, ["value"] = "<secret>" },
        JsonObject obj => new JsonObject([.. obj.Select(m => KeyValuePair.Create(m.Key, m.Value is null ? null : WithoutSecrets(m.Value)))]),
        JsonArray array => new JsonArray([.. array.Select(e => e is null ? null : WithoutSecrets(e))]),
        _ => node.DeepClone(),
    };

    private static string SecretIn(JsonNode? envelope)
    {
        Assert.Equal(ProviderSchema.SecretSignature, envelope?[ProviderSchema.SecretKey]?.GetValue<string>());
        return envelope!["value"]!.GetValue<string>();
    }

    /// <summary>The secret reaches the engine only inside secret envelopes, and nothing the program logged or printed.</summary>
    private static void AssertSecretOnlyWrapped(IReadOnlyList<RecordedCall> calls, string secret, ProgramRun run)
    {
        foreach (var call in calls)
        {
            Assert.Equal(0, CountPlain(call.Request, secret));
        }

        Assert.DoesNotContain(secret, run.Output + run.Error, StringComparison.Ordinal);

        static int CountPlain(JsonNode? node, string secret) => node switch
        {
            JsonObject envelope when envelope[ProviderSchema.SecretKey]?.GetValue<string>() == ProviderSchema.SecretSignature => 0,
            JsonObject obj => obj.Sum(m => CountPlain(m.Value, secret)),
            JsonArray array => array.Sum(e => CountPlain(e, secret)),
            JsonValue value when value.TryGetValue<string>(out var text) => text.Contains(secret, StringComparison.Ordinal) ? 1 : 0,
            _ => 0,
        };
    }

    /// <summary>The standalone engine's <c>up</c> on the same project and stack, so the same owner: both ends exist with its random secret.</summary>
    private static async Task StandaloneUpAsync(PulumiWorld world)
    {
        foreach (var (key, value) in world.Config.Where(c => !world.SecretKeys.Contains(c.Key)))
        {
            world.Cli.ConfigSet("dev", key, value);
        }

        using var standalone = ChildProcess.Start(["up", "--stack", "dev", "--cwd", world.Directory, "--yes"], new Dictionary<string, string?>
        {
            ["PORT_CLIENT_SECRET"] = world.Config["port:secret"],
            ["SPACELIFT_API_KEY_SECRET"] = world.Config["spacelift:apiKeySecret"],
            ["NO_COLOR"] = "1",
        });
        var up = await standalone.WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.NotNull(world.Emulators.Port.Webhook(PortWebhook));
    }

    /// <summary>What the two providers write for the registrations of an update: the webhook's secret and description, the named webhook's secret and labels.</summary>
    private static void ApplyAsTheProvidersWould(PulumiWorld world, IReadOnlyList<RecordedCall> calls)
    {
        var port = calls.Named(Recorded.Webhook, PortWebhook).Request["object"]!;
        var secret = SecretIn(port["security"]!["secret"]);
        var webhook = world.Emulators.Port.Webhook(PortWebhook)!;
        using (var api = new PortApi(world.Emulators.PortUrl, world.Emulators.Options.PortClientId, world.Emulators.Options.PortClientSecret))
        {
            var security = webhook["security"]!.DeepClone().AsObject();
            security["secret"] = secret;
            api.SendAsync(HttpMethod.Patch, "v1/webhooks/" + PortWebhook, new JsonObject { ["description"] = port["description"]!.DeepClone(), ["security"] = security }).GetAwaiter().GetResult();
        }

        var named = calls.Named(Recorded.NamedWebhook, NamedWebhook).Request["object"]!;
        var id = Assert.Single(world.Emulators.Spacelift.NamedWebhooks.All()).Id;
        world.Emulators.Spacelift.NamedWebhooks.Update(id, w => w with { Secret = secret, Labels = [.. named["labels"]!.AsArray().Select(l => l!.GetValue<string>())] });
    }

    private static Dictionary<string, string> Snapshot(Dictionary<string, JsonObject> state)
        => state.Where(s => s.Key.Contains("webhook", StringComparison.OrdinalIgnoreCase) || s.Key.Contains(":Policy::", StringComparison.Ordinal))
            .ToDictionary(s => s.Key, s => s.Value.ToJsonString(), StringComparer.Ordinal);
}

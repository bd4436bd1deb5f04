using Infra.Cli.Decisions;
using System.Text.Json.Nodes;
using Infra.Cli.Config;
using Infra.Cli.Engine.Contract;
using Infra.Cli.Decisions.Ownership;
using Infra.Sdk;
using Infra.Stacks;

namespace Infra.Tests.Engine;

/// <summary>
/// Live updates in the standalone engine, against the in-memory Port and the fake Spacelift: what is
/// declared, in which order it is written and deleted, when the shared webhook secret is minted, and
/// that nothing of the loop is written when Spacelift cannot be read.
/// </summary>
public sealed class LiveUpdateScenarioTests : IDisposable
{
    private static readonly LiveUpdateNames Names = new(string.Empty);
    private readonly EngineFixture _f = new(stacks: 3);

    public LiveUpdateScenarioTests() => LiveUpdatesOn(true);

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task OffDeclaresNothingOfTheLoopAndReadsNothingInSpacelift()
    {
        // Given
        LiveUpdatesOn(false);
        _f.Spacelift.FailResourceReads = "must not be read";

        // When
        var result = await _f.RunAsync();

        // Then
        Assert.DoesNotContain(result.Plan.Changes, c => c.Address.Kind == ResourceKind.Webhook || c.Address.Kind.Service == ResourceService.Spacelift);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Empty(_f.Spacelift.Writes);
    }

    [Fact]
    public async Task OnCreatesPortWebhookThenNamedWebhookThenPolicyWithOneSecretAtBothEnds()
    {
        // When
        var preview = await _f.PreviewAsync();
        var result = await _f.RunAsync();

        // Then: preview shows the endpoint as unknown and wrote nothing
        Assert.Equal(OutputReference.Unknown, preview.Change(ResourceKind.SpaceliftWebhook, Names.NamedWebhook).New!["endpoint"]!.GetValue<string>());
        Assert.Equal(0, result.Failed);
        var order = result.Steps.Select(s => s.Change.Address.Kind).Where(k => k == ResourceKind.Webhook || k.Service == ResourceService.Spacelift).ToList();
        Assert.Equal([ResourceKind.Webhook, ResourceKind.SpaceliftWebhook, ResourceKind.SpaceliftPolicy], order);
        Assert.Equal([$"create SpaceliftWebhook {Names.NamedWebhook}", $"create SpaceliftPolicy {Names.Policy}"], _f.Spacelift.Writes);

        var port = _f.Port.Stored(ResourceKind.Webhook, Names.PortWebhook)!;
        var named = _f.Spacelift.Resource(ResourceKind.SpaceliftWebhook, Names.NamedWebhook)!;
        var secret = port["security"]!["secret"]!.GetValue<string>();
        Assert.Equal(43, secret.Length);
        Assert.Equal(secret, _f.Spacelift.SecretOf(Names.NamedWebhook));
        Assert.Equal(port["url"]!.GetValue<string>(), named["endpoint"]!.GetValue<string>());
        var portFp = OwnerLabel.ReadFingerprint(named["labels"]);
        Assert.NotNull(portFp);
        // Sorted, as a set would be read back.
        Assert.Equal(["infra-fp:" + portFp, "infra-owner:infra/dev"], named["labels"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.EndsWith("fp:" + portFp, port["description"]!.GetValue<string>());

        // and the secret is never in the plan
        Assert.DoesNotContain(secret, System.Text.Json.JsonSerializer.Serialize(result.Plan.Changes.Select(c => c.New?.ToJsonString())));
    }

    [Fact]
    public async Task IdleUpWritesNothingAndKeepsTheSecret()
    {
        // Given
        await _f.RunAsync();
        var secret = _f.Spacelift.SecretOf(Names.NamedWebhook);
        var writes = (_f.Port.Writes, _f.Spacelift.Writes.Count);

        // When
        var result = await _f.RunAsync();

        // Then
        result.Plan.AssertNoChanges();
        Assert.Equal(writes, (_f.Port.Writes, _f.Spacelift.Writes.Count));
        Assert.Equal(secret, _f.Spacelift.SecretOf(Names.NamedWebhook));
    }

    [Fact]
    public async Task LabelsReadBackInAnotherOrderAreNoChange()
    {
        // Given
        await _f.RunAsync();
        var named = _f.Spacelift.Resource(ResourceKind.SpaceliftWebhook, Names.NamedWebhook)!;
        named["labels"] = new JsonArray([.. named["labels"]!.AsArray().Select(l => (JsonNode)l!.GetValue<string>()).Reverse()]);
        _f.Spacelift.Seed(ResourceKind.SpaceliftWebhook, named, _f.Spacelift.SecretOf(Names.NamedWebhook));

        // When
        var plan = await _f.PreviewAsync();

        // Then
        plan.AssertNoChanges();
    }

    [Fact]
    public async Task AKeptSecretIsSentToNeitherEndAndBothKeepIt()
    {
        // Given: someone disabled both ends
        await _f.RunAsync();
        var secret = _f.Spacelift.SecretOf(Names.NamedWebhook);
        var named = _f.Spacelift.Resource(ResourceKind.SpaceliftWebhook, Names.NamedWebhook)!;
        named["enabled"] = false;
        _f.Spacelift.Seed(ResourceKind.SpaceliftWebhook, named, secret);
        var port = _f.Port.Stored(ResourceKind.Webhook, Names.PortWebhook)!;
        port["enabled"] = false;
        _f.Port.PutOutOfBand(ResourceKind.Webhook, Names.PortWebhook, port);

        // When
        var result = await _f.RunAsync();

        // Then: Port gets a PATCH without security, Spacelift an update without secret, and both keep theirs
        Assert.Equal(
            [$"Update SpaceliftWebhook {Names.NamedWebhook}", $"Update Webhook {Names.PortWebhook}"],
            result.Plan.ChangeLines());
        Assert.Null(Assert.Single(_f.Spacelift.UpdateInputs)["secret"]);
        Assert.Equal($"Webhook {Names.PortWebhook}: title, icon, description, enabled, integrationType, mappings", Assert.Single(_f.Port.Patches));
        Assert.Equal(secret, _f.Spacelift.SecretOf(Names.NamedWebhook));
        Assert.Equal(secret, _f.Port.Stored(ResourceKind.Webhook, Names.PortWebhook)!["security"]!["secret"]!.GetValue<string>());
    }

    [Fact]
    public async Task DifferentFingerprintsAtTheTwoEndsMintANewSecretForBoth()
    {
        // Given: the Port webhook was set up again by hand with another secret, and records its fingerprint
        await _f.RunAsync();
        var before = _f.Spacelift.SecretOf(Names.NamedWebhook);
        var port = _f.Port.Stored(ResourceKind.Webhook, Names.PortWebhook)!;
        port["security"]!["secret"] = "typed-in-the-ui";
        port["description"] = SecretRecord.WithFingerprint("by hand", SharedSecrets.Fingerprint(new Secret(EngineFixture.PortSecret), LiveStateWebhooks.Group, new Secret("typed-in-the-ui")));
        _f.Port.PutOutOfBand(ResourceKind.Webhook, Names.PortWebhook, port);

        // When
        var preview = await _f.PreviewAsync();
        var result = await _f.RunAsync();

        // Then
        var change = preview.Change(ResourceKind.Webhook, Names.PortWebhook);
        Assert.Equal(ChangeKind.Update, change.Kind);
        Assert.Contains("a new shared secret is generated", change.Reason);
        Assert.DoesNotContain("typed-in-the-ui", preview.Changes.SelectMany(c => new[] { c.Old?.ToJsonString(), c.New?.ToJsonString() }).OfType<string>().Aggregate("", string.Concat));
        Assert.Equal(0, result.Failed);
        var after = _f.Spacelift.SecretOf(Names.NamedWebhook);
        Assert.NotEqual(before, after);
        Assert.Equal(after, _f.Port.Stored(ResourceKind.Webhook, Names.PortWebhook)!["security"]!["secret"]!.GetValue<string>());
        (await _f.PreviewAsync()).AssertNoChanges();
    }

    [Fact]
    public async Task APortWebhookAnsweredWithoutItsSecretOrMaskedKeepsTheSecretWhileTheFingerprintsAgree()
    {
        // Given: Port answers a mask where the secret was (an unknown: docs/unknowns.md)
        await _f.RunAsync();
        var secret = _f.Spacelift.SecretOf(Names.NamedWebhook);
        var port = _f.Port.Stored(ResourceKind.Webhook, Names.PortWebhook)!;
        port["security"]!["secret"] = "********";
        _f.Port.PutOutOfBand(ResourceKind.Webhook, Names.PortWebhook, port);

        // When
        var preview = await _f.PreviewAsync();

        // Then: nothing to do; the fingerprints decide, not what Port gave back
        preview.AssertNoChanges();
        Assert.Equal(secret, _f.Spacelift.SecretOf(Names.NamedWebhook));
    }

    [Fact]
    public async Task ANamedWebhookLabelledForAnotherStackStopsTheRunBeforeAnyWrite()
    {
        // Given
        _f.Spacelift.Seed(ResourceKind.SpaceliftWebhook, new JsonObject
        {
            ["name"] = Names.NamedWebhook,
            ["endpoint"] = "https://ingest.port.test/other",
            ["space"] = "root",
            ["enabled"] = true,
            ["retryOnFailure"] = true,
            ["labels"] = new JsonArray("infra-owner:infra/prod"),
        });

        // When
        var refusal = await Assert.ThrowsAsync<OwnershipConflictException>(() => _f.PreviewAsync());

        // Then
        Assert.Equal(15, refusal.ExitCode);
        Assert.Contains("infra/prod", refusal.Message);
        Assert.Equal(0, _f.Port.Writes);
        Assert.Empty(_f.Spacelift.Writes);
    }

    [Fact]
    public async Task ASpaceliftReadFailureWritesNothingOfTheLoopAndFailsTheRun()
    {
        // Given
        _f.Spacelift.FailResourceReads = "Spacelift policy port-stack-state-routing: internal error";

        // When
        var result = await _f.RunAsync();

        // Then
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Contains("internal error", error.Message);
        Assert.Contains("not created, updated or deleted", error.Message);
        Assert.DoesNotContain(result.Plan.Changes, c => c.Address.Kind == ResourceKind.Webhook || c.Address.Kind.Service == ResourceService.Spacelift);
        Assert.Null(_f.Port.Stored(ResourceKind.Webhook, Names.PortWebhook));
        Assert.Empty(_f.Spacelift.Writes);
        // The rest of the integration is still applied.
        Assert.Equal(3, _f.Port.EntityIds("space_lift_stack").Count);
    }

    [Fact]
    public async Task ASpaceliftReadFailureAfterSwitchingOffDeletesNothing()
    {
        // Given
        await _f.RunAsync();
        LiveUpdatesOn(false);
        _f.Spacelift.FailResourceReads = "internal error";

        // When
        var result = await _f.RunAsync();

        // Then
        Assert.DoesNotContain(result.Plan.Changes, c => c.Kind == ChangeKind.Delete);
        Assert.NotNull(_f.Port.Stored(ResourceKind.Webhook, Names.PortWebhook));
        Assert.Equal(2, _f.Spacelift.Writes.Count);
    }

    [Fact]
    public async Task SwitchingOffPrunesTheLoopPolicyFirst()
    {
        // Given
        await _f.RunAsync();
        LiveUpdatesOn(false);

        // When
        var result = await _f.RunAsync();

        // Then
        Assert.Equal(
            [ResourceKind.SpaceliftPolicy, ResourceKind.SpaceliftWebhook, ResourceKind.Webhook],
            result.Steps.Where(s => s.Change.Kind == ChangeKind.Delete).Select(s => s.Change.Address.Kind));
        Assert.Null(_f.Port.Stored(ResourceKind.Webhook, Names.PortWebhook));
        Assert.Null(_f.Spacelift.Resource(ResourceKind.SpaceliftWebhook, Names.NamedWebhook));
        Assert.Null(_f.Spacelift.Resource(ResourceKind.SpaceliftPolicy, Names.Policy));
        (await _f.PreviewAsync()).AssertNoChanges();
    }

    [Fact]
    public async Task DestroyDeletesPolicyThenNamedWebhookThenPortWebhookBeforeTheBlueprint()
    {
        // Given
        await _f.RunAsync();

        // When
        var result = await _f.RunAsync(Operation.Destroy);

        // Then
        Assert.Equal(0, result.Failed);
        var order = result.Steps.Where(s => s.Change.Address.Kind != ResourceKind.Entity).Select(s => s.Change.Address.Kind.Name).ToList();
        Assert.True(order.IndexOf("SpaceliftPolicy") < order.IndexOf("SpaceliftWebhook"));
        Assert.True(order.IndexOf("SpaceliftWebhook") < order.IndexOf("Webhook"));
        Assert.True(order.IndexOf("Webhook") < order.IndexOf("Blueprint"));
        Assert.Equal($"delete SpaceliftWebhook {Names.NamedWebhook}", _f.Spacelift.Writes[^1]);
        Assert.Null(_f.Port.Stored(ResourceKind.Webhook, Names.PortWebhook));
        // The deleted webhook's body in the plan holds no secret, not even masked.
        var deleted = result.Plan.Change(ResourceKind.Webhook, Names.PortWebhook);
        Assert.Null(deleted.Old!["security"]!["secret"]);
    }

    [Fact]
    public async Task AStateTheWebhookWroteThatSpaceliftAlsoReportsIsNoChange()
    {
        // Given: up, then a run moves stack-1 to APPLYING; the webhook merges state into the entity
        await _f.RunAsync();
        var entity = _f.Port.Entity("space_lift_stack", "stack-1")!;
        entity["properties"]!["state"] = "APPLYING";
        _f.Spacelift.Stacks[0] = _f.Spacelift.Stacks[0] with { State = "APPLYING" };

        // When
        var plan = await _f.PreviewAsync();

        // Then: what --expect-no-changes checks
        plan.AssertNoChanges();
    }

    [Fact]
    public async Task ARemovedPortWebhookIsRecreatedAndTheNamedWebhookFollowsItsNewUrlAndSecret()
    {
        // Given
        await _f.RunAsync();
        await _f.Port.DeleteAsync(ResourceKind.Webhook, Names.PortWebhook, CancellationToken.None);

        // When
        var preview = await _f.PreviewAsync();
        var result = await _f.RunAsync();

        // Then
        var named = preview.Change(ResourceKind.SpaceliftWebhook, Names.NamedWebhook);
        Assert.Equal(ChangeKind.Update, named.Kind);
        Assert.Contains(named.Diffs, d => d.Path == "secret");
        Assert.Equal(0, result.Failed);
        Assert.Equal(_f.Port.Stored(ResourceKind.Webhook, Names.PortWebhook)!["security"]!["secret"]!.GetValue<string>(), _f.Spacelift.SecretOf(Names.NamedWebhook));
        (await _f.PreviewAsync()).AssertNoChanges();
    }

    private void LiveUpdatesOn(bool on) => _f.ProgramKeys["infra:liveUpdates"] = on ? "true" : "false";
}

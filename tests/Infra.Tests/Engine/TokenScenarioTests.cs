using Infra.Sdk.Spacelift;
using Infra.Cli.Engine.State;
using Infra.Cli.Engine;
using Infra.Sdk;
using Infra.Stacks;
using Infra.Cli.Engine.Contract;

namespace Infra.Tests.Engine;

public sealed class TokenScenarioTests : IDisposable
{
    private readonly EngineFixture _f = new(stacks: 1);

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task UpMintsTheTokenOnceAndRecordsItsExpiryInPort()
    {
        // When
        await _f.RunAsync();

        // Then
        Assert.Equal(1, _f.Spacelift.Mints);
        Assert.Equal("eyJ.jwt-1.sig", _f.Port.SecretValue(ResourceNames.Guide.TokenSecret));
        Assert.Equal("Managed by infra \u00b7 owner:infra/dev \u00b7 validUntil:2026-11-28T20:00:00Z", _f.Port.SecretDescription(ResourceNames.Guide.TokenSecret));
    }

    [Fact]
    public async Task PreviewInsideTheWindowSaysItWillReMintWithoutMinting()
    {
        // Given: a 10h token, 8h30m later (1h30m left, window 2h)
        await _f.RunAsync();
        _f.Time.Advance(TimeSpan.FromMinutes(510));

        // When
        var plan = await _f.PreviewAsync();

        // Then
        var change = plan.Change(ResourceKind.Secret, ResourceNames.Guide.TokenSecret);
        Assert.Equal(ChangeKind.Update, change.Kind);
        Assert.Equal("will re-mint (expires in 1h30m, inside the 2h window)", change.Reason);
        Assert.Equal(1, _f.Spacelift.Mints);
        await _f.RunAsync();
        Assert.Equal(2, _f.Spacelift.Mints);
        Assert.Equal("eyJ.jwt-2.sig", _f.Port.SecretValue(ResourceNames.Guide.TokenSecret));
    }

    [Fact]
    public async Task ATokenOutsideTheWindowIsLeftAlone()
    {
        await _f.RunAsync();
        _f.Time.Advance(TimeSpan.FromHours(7));

        var plan = await _f.PreviewAsync();

        Assert.Equal(ChangeKind.Same, plan.Change(ResourceKind.Secret, ResourceNames.Guide.TokenSecret).Kind);
    }

    [Fact]
    public async Task TheGuidesAutomationOverwritingTheDescriptionMakesTheNextUpReMint()
    {
        // Given: the automation PATCHed the token with its own description
        await _f.RunAsync();
        _f.Port.SetSecretOutOfBand(ResourceNames.Guide.TokenSecret, "eyJ.from-automation.sig", "Refreshed Spacelift API token");

        // When
        var plan = await _f.PreviewAsync();

        // Then
        var change = plan.Change(ResourceKind.Secret, ResourceNames.Guide.TokenSecret);
        Assert.Equal(ChangeKind.Update, change.Kind);
        Assert.Contains("no readable validUntil", change.Reason);
    }

    [Fact]
    public async Task AFailedMintFailsOnlyTheTokenStep()
    {
        // Given
        var spacelift = new ThrowingMint(_f.Spacelift);
        await using var engine = new StackEngine(new SpaceliftIntegration(), _f.Configuration, _f.Services(spacelift: spacelift), new FileStateStore(_f.StateDir, "dev"), _f.Time);

        // When
        var plan = await engine.PlanAsync(Operation.Update, new PlanOptions(), CancellationToken.None);
        var result = await engine.ApplyAsync(plan, null, CancellationToken.None);

        // Then
        var failed = Assert.Single(result.Steps, s => s.Outcome == StepOutcome.Failed);
        Assert.Equal(ResourceNames.Guide.TokenSecret, failed.Change.Address.Id);
        Assert.Equal("apiKeyUser: unauthorized", failed.Message);
        Assert.Null(_f.Port.SecretValue(ResourceNames.Guide.TokenSecret));
        Assert.Single(_f.Port.EntityIds("space_lift_stack"));
    }

    private sealed class ThrowingMint(Fakes.FakeSpaceliftClient inner) : Infra.Cli.Spacelift.ISpaceliftClient
    {
        // The key was good when the plan was made; the mint at apply time is what fails.
        public Task ProveKeyAsync(CancellationToken cancellationToken) => inner.ProveKeyAsync(cancellationToken);

        public Task<Infra.Cli.Spacelift.SpaceliftToken> MintTokenAsync(CancellationToken cancellationToken)
            => throw new Infra.Cli.Spacelift.SpaceliftException("apiKeyUser: unauthorized");

        public IAsyncEnumerable<IReadOnlyList<Infra.Sdk.Spacelift.SpaceliftStack>> ListStacksAsync(CancellationToken cancellationToken)
            => inner.ListStacksAsync(cancellationToken);

        public Task<System.Text.Json.Nodes.JsonObject?> GetResourceAsync(Infra.Sdk.ResourceKind kind, string id, CancellationToken cancellationToken)
            => inner.GetResourceAsync(kind, id, cancellationToken);

        public Task<IReadOnlyList<System.Text.Json.Nodes.JsonObject>> ListResourcesAsync(Infra.Sdk.ResourceKind kind, CancellationToken cancellationToken)
            => inner.ListResourcesAsync(kind, cancellationToken);

        public Task<string> CreateResourceAsync(Infra.Sdk.ResourceKind kind, System.Text.Json.Nodes.JsonObject input, Infra.Sdk.Secret? secret, CancellationToken cancellationToken)
            => inner.CreateResourceAsync(kind, input, secret, cancellationToken);

        public Task UpdateResourceAsync(Infra.Sdk.ResourceKind kind, string id, System.Text.Json.Nodes.JsonObject input, Infra.Sdk.Secret? secret, CancellationToken cancellationToken)
            => inner.UpdateResourceAsync(kind, id, input, secret, cancellationToken);

        public Task DeleteResourceAsync(Infra.Sdk.ResourceKind kind, string id, CancellationToken cancellationToken)
            => inner.DeleteResourceAsync(kind, id, cancellationToken);
    }
}

using System.Text.Json.Nodes;
using Infra.Cli.PulumiMode.Inputs;
using Infra.Sdk;
using Infra.Stacks;
using Infra.Tests.PulumiMode;
using Infra.Tests.Support;

namespace Infra.Tests.Golden;

/// <summary>
/// Pins the self-renewing token's declarations (Golden/TokenRenewal/*.json: the REST bodies the standalone
/// engine sends) and the Port provider inputs Pulumi mode registers for them (PulumiMode/Golden/TokenRenewal,
/// each checked against the provider's schema). The bodies are the ones the emulators' renewal loop tests
/// run (tests/Infra.Tests/Emulators/RenewalLoop). Change them deliberately with UPDATE_GOLDEN=1.
/// </summary>
public sealed class TokenRenewalGoldenTests
{
    private const string Filter = "FullyQualifiedName~TokenRenewalGoldenTests";

    private static readonly IntegrationInputs Inputs = GoldenDeclaration.Inputs with { RenewalLoop = RenewalLoop.Default };

    public static TheoryData<string> Names => [.. Declared().Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void DeclaredBodyMatchesItsGoldenFile(string name)
        => GoldenFiles.Verify($"Golden/TokenRenewal/{name}.json", Declared()[name].Body.ToJsonString(GoldenDeclaration.Indented) + "\n", Filter);

    [Theory]
    [MemberData(nameof(Names))]
    public void ProviderInputsMatchTheirGoldenFileAndTheSchema(string name)
    {
        var resource = Declared()[name];
        var inputs = ProviderInputs.For(resource.Address.Kind)!.Render(resource.Body, resource.Address);

        GoldenFiles.Verify($"PulumiMode/Golden/TokenRenewal/{name}.json", inputs.ToJsonString(GoldenDeclaration.Indented) + "\n", Filter);
        Assert.Empty(ProviderSchema.Port.Validate(resource.Address.Type, inputs));
    }

    [Fact]
    public void TheLeaseIsArmedFromTheTokensExpiryAndTheLoopAfterTheTokenAndKeys()
    {
        var graph = SpaceliftIntegration.Declare(Inputs, [GoldenDeclaration.Sample]);
        var token = new ResourceAddress(ResourceKind.Secret, "SPACELIFT_TOKEN");

        var leases = Assert.Single(graph.EntitySets, s => s.Blueprint == "spacelift_token_lease");
        var lease = Assert.Single(leases.Entities);
        Assert.Equal(
            [("properties.renew_at", token, TimeSpan.FromMinutes(10)), ("properties.valid_until", token, TimeSpan.Zero)],
            lease.Expiries.Select(e => (e.Field, e.Source, e.Before)));
        Assert.Contains("infra:tokenRenewalMarginMinutes", lease.Expiries[0].Advice, StringComparison.Ordinal);
        Assert.Contains(token, Infra.Cli.Decisions.Dependencies.Of(leases));
        var renew = Assert.Single(graph.Resources, r => r.Address.Id == "spacelift_token_renew");
        Assert.Contains(new ResourceAddress(ResourceKind.Secret, "SPACELIFT_API_KEY_SECRET"), renew.DependsOn);
        Assert.Contains(token, Assert.Single(graph.Resources, r => r.Address.Id == "spacelift_token_renew_store").DependsOn);
        // up mints only when the loop has stopped: within the loop's margin, not the rotation window.
        Assert.Equal(TimeSpan.FromMinutes(10), ((SecretValue.Minted)graph.Resources.Single(r => r.Address == token).Value!).RenewWithin);
    }

    [Fact]
    public void TheStoredDescriptionIsTheOneUpWritesWithTheDeclaringExecutorsWriterMark()
    {
        var standalone = TokenRenewalLoop.StoreAutomation(Inputs)["invocationMethod"]!["body"]!["description"]!.GetValue<string>();
        var pulumi = TokenRenewalLoop.StoreAutomation(Inputs with { SecretWriter = "pulumi" })["invocationMethod"]!["body"]!["description"]!.GetValue<string>();

        Assert.Equal("Managed by infra · owner:infra/dev · validUntil:{{ .event.diff.after.response.data.apiKeyUser.validUntil | todate }}", standalone);
        Assert.Equal(standalone + " · by:pulumi", pulumi);
        // What the template renders to reads as the record an executor writes.
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 13, 0, 0, TimeSpan.Zero), SecretRecord.ReadValidUntil(standalone.Replace("{{ .event.diff.after.response.data.apiKeyUser.validUntil | todate }}", "2026-12-01T13:00:00Z", StringComparison.Ordinal)));
    }

    [Fact]
    public void WithASuffixEveryNameCarriesItAndFitsPortsLimits()
    {
        var inputs = Inputs with { Names = new ResourceNames("eu_west1_long_suffix_of_forty_characters") };

        var graph = SpaceliftIntegration.Declare(inputs, []);

        var names = new RenewalLoopNames(inputs.Names);
        string[] expected = [names.Blueprint, names.Renew, names.Store, names.Rearm, names.Failed, names.RefreshRearm];
        Assert.All(expected, n => Assert.EndsWith("_eu_west1_long_suffix_of_forty_characters", n, StringComparison.Ordinal));
        Assert.All(expected, n => Assert.Contains(graph.Resources, r => r.Address.Id == n));
        Assert.All(expected, n => Assert.InRange(n.Length, 1, 100));
        Assert.Equal("SPACELIFT_TOKEN_EU_WEST1_LONG_SUFFIX_OF_FORTY_CHARACTERS", names.Lease);
        Assert.All(graph.Resources.Where(r => expected.Contains(r.Address.Id)), r => Assert.InRange(r.Body["title"]!.GetValue<string>().Length, 1, 100));
    }

    [Fact]
    public void OffDeclaresNoneOfItAndKeepsTheRotationWindow()
    {
        var graph = SpaceliftIntegration.Declare(GoldenDeclaration.Inputs, [GoldenDeclaration.Sample]);

        Assert.DoesNotContain(graph.All, r => LoopIdentifiers(Inputs).Contains(r.Address.Id) || r.Address.Blueprint == "spacelift_token_lease");
        Assert.Empty(graph.Checks);
        Assert.Null(graph.Output(VerifyOutputs.TokenRenewal));
        Assert.Equal(GoldenDeclaration.Inputs.TokenRenewal, ((SecretValue.Minted)graph.Resources.Single(r => r.Address.Id == "SPACELIFT_TOKEN").Value!).RenewWithin);
    }

    private static Dictionary<string, DesiredResource> Declared()
    {
        var graph = SpaceliftIntegration.Declare(Inputs, [GoldenDeclaration.Sample]);
        var loop = LoopIdentifiers(Inputs);
        return graph.All
            .Where(r => loop.Contains(r.Address.Id) || r.Address.Blueprint == new RenewalLoopNames(Inputs.Names).Blueprint)
            .ToDictionary(r => r.Address.Kind == ResourceKind.Entity ? "lease" : r.Address.Kind == ResourceKind.Blueprint ? "lease-blueprint" : r.Address.Id);
    }

    private static string[] LoopIdentifiers(IntegrationInputs inputs)
    {
        var names = new RenewalLoopNames(inputs.Names);
        return [names.Blueprint, names.Renew, names.Store, names.Rearm, names.Failed, names.RefreshRearm];
    }
}

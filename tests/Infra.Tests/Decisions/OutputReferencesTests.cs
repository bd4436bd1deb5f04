using System.Text.Json.Nodes;
using Infra.Cli.Decisions;
using Infra.Sdk;

namespace Infra.Tests.Decisions;

/// <summary>How both executors fill a field that takes another resource's output.</summary>
public sealed class OutputReferencesTests
{
    private static readonly ResourceAddress Source = new(ResourceKind.Webhook, "w");

    private static readonly DesiredResource Named = new(new ResourceAddress(ResourceKind.SpaceliftWebhook, "n"), new JsonObject { ["name"] = "n" })
    {
        References = [new OutputReference("endpoint", Source, "url")],
    };

    [Fact]
    public void AKnownOutputFillsTheFieldAndLeavesTheDeclaredBodyAlone()
    {
        var body = OutputReferences.Resolve(Named, r => r.Source == Source ? "https://ingest/x" : null);

        Assert.Equal("https://ingest/x", body["endpoint"]!.GetValue<string>());
        Assert.False(Named.Body.ContainsKey("endpoint"));
        Assert.False(OutputReferences.HasUnknowns(Named, body));
    }

    [Fact]
    public void AnOutputNotKnownYetIsUnknownAsPlansShowIt()
    {
        var body = OutputReferences.Resolve(Named, _ => null);

        Assert.Equal(OutputReference.Unknown, body["endpoint"]!.GetValue<string>());
        Assert.True(OutputReferences.HasUnknowns(Named, body));
    }

    [Fact]
    public void AReferenceMakesItsSourceADependency() => Assert.Contains(Source, Dependencies.Of(Named));
}

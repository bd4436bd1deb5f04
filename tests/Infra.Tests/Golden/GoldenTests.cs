using System.Text.Json.Nodes;
using Infra.Cli.Engine.Planning;
using Infra.Cli.Engine;
using Infra.Sdk;
using Infra.Cli.Spacelift;
using Infra.Stacks;
using Infra.Tests.Support;

namespace Infra.Tests.Golden;

/// <summary>
/// Pins every declared body (Golden/*.json) and compares each with the guide's own JSON
/// (Golden/Guide/*.json) through an explicit list of deliberate differences, so an accidental
/// difference fails. The deliberate ones are explained in docs/differences-from-guide.md.
/// </summary>
public sealed class GoldenTests
{
    public static TheoryData<string> Bodies => [.. Declared().Keys];

    /// <summary>Each deliberate difference from the guide, as (path, kind); anything else fails.</summary>
    public static TheoryData<string, string[]> GuideDifferences => new()
    {
        { "blueprint", ["description Add"] },
        { "trigger_spacelift_stack", ["invocationMethod.url Update", "description Update"] },
        { "refresh_spacelift_token", ["invocationMethod.url Update", "description Update", "invocationMethod.body.query Update"] },
        { "spacelift_token_refresh_sync", ["invocationMethod.url Update", "trigger.condition.expressions Update", "description Update", "invocationMethod.body.description Update"] },
        { "entity", ["properties.link Add"] },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void DeclaredBodyMatchesItsGoldenFile(string name)
    {
        var actual = Declared()[name].ToJsonString(GoldenDeclaration.Indented) + "\n";

        GoldenFiles.Verify($"Golden/{name}.json", actual, "FullyQualifiedName~Infra.Tests.Golden");
    }

    [Theory]
    [MemberData(nameof(GuideDifferences))]
    public void DeclaredBodyDiffersFromTheGuideOnlyDeliberately(string name, string[] deliberate)
    {
        var guide = JsonNode.Parse(GoldenFiles.Read($"Golden/Guide/{name}.json"))!.AsObject();

        var diffs = JsonBodies.Diff(guide, Declared()[name]).Select(d => $"{d.Path} {d.Kind}");

        Assert.True(
            diffs.Order(StringComparer.Ordinal).SequenceEqual(deliberate.Order(StringComparer.Ordinal)),
            $"{name} differs from the guide by [{string.Join(", ", diffs)}], expected only [{string.Join(", ", deliberate)}]. "
            + "Either fix the declaration, or add the difference to GuideDifferences and to docs/differences-from-guide.md.");
    }

    [Fact]
    public void SecretNamesDifferFromTheGuideOnlyByTheApiSecretName()
    {
        string[] guide = ["SPACELIFT_API_KEY_ID", "SPACELIFT_API_SECRET", "SPACELIFT_TOKEN"];

        var declared = Declared().Keys.Where(k => k.StartsWith("SPACELIFT_", StringComparison.Ordinal));

        Assert.Equal(["SPACELIFT_API_SECRET"], guide.Except(declared));
        Assert.Equal(["SPACELIFT_API_KEY_SECRET"], declared.Except(guide));
    }

    private static Dictionary<string, JsonObject> Declared()
    {
        var resources = SpaceliftIntegration.Declare(GoldenDeclaration.Inputs, [GoldenDeclaration.Sample, GoldenDeclaration.Sample with { Id = "stack-2", Description = null }]).All;
        var bodies = resources.Where(r => r.Address.Kind != ResourceKind.Entity)
            .ToDictionary(GoldenDeclaration.FileName, r => r.Body);
        bodies["entity"] = resources.Single(r => r.Address.Id == "stack-1").Body;
        bodies["entity-without-description"] = resources.Single(r => r.Address.Id == "stack-2").Body;
        bodies["trigger_spacelift_stack.permissions-protected"] = WhoMayRun.TriggerPermissions(GoldenDeclaration.Protected);
        return bodies;
    }
}

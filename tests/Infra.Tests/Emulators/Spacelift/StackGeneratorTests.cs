using System.Text.Json;
using Emulators.Spacelift.Stacks;

namespace Infra.Tests.Emulators.Spacelift;

/// <summary>The generated account is reproducible, prefix-stable and realistic.</summary>
public sealed class StackGeneratorTests
{
    [Fact]
    public void GeneratingMoreStacksKeepsTheFirstOnesIdentical()
    {
        var fortyFive = StackGenerator.Generate(45);
        var fifty = StackGenerator.Generate(50);

        // Records compare their label lists by reference, so compare their JSON.
        Assert.Equal(fortyFive.Select(Json), fifty.Take(45).Select(Json));
        Assert.NotEqual(Json(fifty[44]), Json(fifty[45]));
    }

    [Fact]
    public void IdsAreUniqueSlugsAndCollisionsGetNumericSuffixes()
    {
        var stacks = StackGenerator.Generate(300);

        Assert.Equal(stacks.Count, stacks.Select(s => s.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(stacks, s => Assert.Matches("^[a-z0-9_-]+$", s.Id));
        Assert.Contains(stacks, s => s.Id == "prod-network");
        Assert.Contains(stacks, s => s.Id == "prod-network-2");
        Assert.Contains(stacks, s => s.Id == "zurich-facade-2");
    }

    [Fact]
    public void NamesIncludeUnicodeAndEmoji()
    {
        var stacks = StackGenerator.Generate(100);

        Assert.Contains(stacks, s => s.Name == "Zürich façade" && s.Id == "zurich-facade");
        Assert.Contains(stacks, s => s.Name == "東京 network" && s.Id == "dong-jing-network");
        Assert.Contains(stacks, s => s.Name == "Launch pad 🚀" && s.Id == "launch-pad-emoji-rocket");
    }

    [Fact]
    public void FieldsVaryWithinTheirDomains()
    {
        var stacks = StackGenerator.Generate(200);

        Assert.All(stacks, s => Assert.Contains(s.State, StackStates.All));
        Assert.All(stacks, s => Assert.Contains(s.Provider, VcsProviders.All));
        Assert.All(stacks, s => Assert.Matches("^(root|[a-z0-9-]+-[0-9A-HJKMNP-TV-Z]{26})$", s.Space));
        Assert.True(stacks.Select(s => s.State).Distinct().Count() > 10);
        Assert.True(stacks.Select(s => s.Provider).Distinct().Count() > 3);
        Assert.True(stacks.Select(s => s.Branch).Distinct().Count() > 2);
        Assert.Contains(stacks, s => s.Description is null);
        Assert.Contains(stacks, s => s.Space == "root");
        Assert.Contains(stacks, s => s.Labels.Any(l => l.StartsWith("folder:", StringComparison.Ordinal) && l.Contains('/', StringComparison.Ordinal)));
        Assert.All(stacks, s => Assert.Equal(s.Labels.Count, s.Labels.Distinct().Count()));
    }

    private static string Json(EmulatedStack stack) => JsonSerializer.Serialize(stack);
}

using Infra.Sdk;
using Infra.Sdk.Port;
using Infra.Sdk.Spacelift;
using Infra.Stacks;

namespace Infra.Tests.Stacks;

public sealed class StackTeamsTests
{
    [Fact]
    public void TheNamesAreWhatFollowsThePrefixTrimmedDistinctAndNeverEmpty()
    {
        Assert.Equal(["platform", "data"], StackTeams.Names(["folder:qa", "team:platform", "team: data", "team:", "team:platform", "Team:sre"], "team:"));
        Assert.Empty(StackTeams.Names(null, "team:"));
    }

    [Fact]
    public async Task EachLabelledStackGetsItsTeamsIdentifiersAndAnUnknownNameIsOneWarningNamingItsStacks()
    {
        var port = new Teams(new Dictionary<string, string> { ["platform"] = "team_platform_1", ["data"] = "team_data_2" });
        SpaceliftStack[] stacks = [Stack("a", "team:platform"), Stack("b", "team:data", "team:platform"), Stack("c", "team:ghosts"), Stack("d", "folder:x")];

        var (byStack, warnings) = await StackTeams.ResolveAsync("team:", stacks, port, CancellationToken.None);

        Assert.Equal(["team_platform_1"], byStack["a"]);
        Assert.Equal(["team_data_2", "team_platform_1"], byStack["b"]);
        Assert.False(byStack.ContainsKey("c"));
        Assert.False(byStack.ContainsKey("d"));
        var warning = Assert.Single(warnings);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("'team:ghosts'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("(on c)", warning.Message, StringComparison.Ordinal);
        Assert.Equal([["data", "ghosts", "platform"]], port.Asked.Select(a => a.Order(StringComparer.Ordinal).ToArray()));
    }

    [Fact]
    public async Task WithoutLabelsNothingIsLookedUp()
    {
        var port = new Teams(new Dictionary<string, string>());

        var (byStack, warnings) = await StackTeams.ResolveAsync("team:", [Stack("a", "folder:x")], port, CancellationToken.None);

        Assert.Empty(byStack);
        Assert.Empty(warnings);
        Assert.Empty(port.Asked);
    }

    [Fact]
    public void AMappedStacksEntityDeclaresItsTeamAndAnUnmappedOneLeavesItOut()
    {
        var inputs = new IntegrationInputs("space_lift_stack", new Uri("https://api.getport.io/"), new Uri("https://acme.app.spacelift.io/"), new Secret("id"), new Secret("secret"))
        {
            StackTeams = new Dictionary<string, IReadOnlyList<string>> { ["a"] = ["team_platform_1"] },
        };

        var mapped = SpaceliftIntegration.Entity(inputs, Stack("a", "team:platform"));
        var unmapped = SpaceliftIntegration.Entity(inputs, Stack("b"));

        Assert.Equal("[\"team_platform_1\"]", mapped["team"]!.ToJsonString());
        Assert.False(unmapped.ContainsKey("team"));
    }

    private static SpaceliftStack Stack(string id, params string[] labels) => new(id, id, "root", null, labels, "repo", "FINISHED", "GITHUB", "main");

    private sealed class Teams(IReadOnlyDictionary<string, string> known) : IPortOrganisation
    {
        public List<IReadOnlyCollection<string>> Asked { get; } = [];

        public Uri BaseUrl { get; } = new("https://api.getport.io/");

        public Task<IReadOnlyDictionary<string, string>> TeamIdentifiersAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
        {
            Asked.Add(names);
            return Task.FromResult<IReadOnlyDictionary<string, string>>(known.Where(k => names.Contains(k.Key)).ToDictionary(k => k.Key, k => k.Value));
        }
    }
}

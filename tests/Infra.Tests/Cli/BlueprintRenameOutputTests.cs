using System.Text.Json;
using System.Text.Json.Nodes;
using Infra.Cli.Engine;
using Infra.Sdk;
using Infra.Cli.Engine.Contract;

namespace Infra.Tests.Cli;

/// <summary>
/// Renaming <c>infra:blueprint</c> plans a create and a delete of the same entity identifier, one per
/// blueprint: each keeps its own URN and its own outcome in every report.
/// </summary>
public sealed class BlueprintRenameOutputTests
{
    private static readonly ResourceChange Create = new(
        new ResourceAddress(ResourceKind.Entity, "stack-a", "renamed_stack"), ChangeKind.Create, [], null, JsonNode.Parse("""{"identifier":"stack-a"}""")!.AsObject());

    private static readonly ResourceChange Delete = new(
        new ResourceAddress(ResourceKind.Entity, "stack-a", "space_lift_stack"), ChangeKind.Delete, [], JsonNode.Parse("""{"identifier":"stack-a"}""")!.AsObject(), null);

    [Fact]
    public async Task JsonShowsEachStepsOwnOutcomeAndUrn()
    {
        var run = await Harness().RunAsync("up --stack dev --yes --json --allow-mass-delete");

        var steps = JsonDocument.Parse(run.Output).RootElement.GetProperty("steps").EnumerateArray().ToList();
        var create = steps.Single(s => s.GetProperty("op").GetString() == "create");
        var delete = steps.Single(s => s.GetProperty("op").GetString() == "delete");
        Assert.Equal("failed", create.GetProperty("outcome").GetString());
        Assert.Equal("succeeded", delete.GetProperty("outcome").GetString());
        Assert.Equal("urn:pulumi:dev::infra::port:index/entity:Entity::renamed_stack/stack-a", create.GetProperty("urn").GetString());
        Assert.Equal("urn:pulumi:dev::infra::port:index/entity:Entity::space_lift_stack/stack-a", delete.GetProperty("urn").GetString());
    }

    [Fact]
    public async Task MarkdownShowsEachStepsOwnOutcome()
    {
        var run = await Harness().RunAsync("up --stack dev --yes --format markdown --allow-mass-delete");

        // An entity is named with its blueprint: the two steps of one identifier are told apart.
        var rows = run.Output.Split('\n').Where(l => l.StartsWith('|') && l.Contains("/stack-a`", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains("create", StringComparison.Ordinal) && r.Contains("`renamed_stack/stack-a`", StringComparison.Ordinal) && r.TrimEnd().EndsWith("failed |", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("delete", StringComparison.Ordinal) && r.Contains("`space_lift_stack/stack-a`", StringComparison.Ordinal) && r.TrimEnd().EndsWith("succeeded |", StringComparison.Ordinal));
    }

    private static CliHarness Harness()
    {
        var cli = new CliHarness(new Plan(Fixtures.Project, Fixtures.Stack, [Create, Delete], []));
        cli.Engine.Apply = plan => new ApplyResult(
            plan,
            [new StepResult(Create, StepOutcome.Failed, "422 rejected"), new StepResult(Delete, StepOutcome.Succeeded)],
            [],
            TimeSpan.FromSeconds(1));
        return cli;
    }
}

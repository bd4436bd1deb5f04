using Emulators.Hosting;
using Emulators.Port.Entities;

namespace Infra.Tests.Emulators.Hosting;

/// <summary>The catalogue's flags: spaces and run history for Spacelift, the relation switches for Port.</summary>
public sealed class CatalogueCommandLineTests
{
    [Fact]
    public void ParsesTheCatalogueFlags()
    {
        var options = EmulatorCommandLine.Parse([
            "--stacks", "2000", "--spaces", "50", "--runs", "10", "--proposed-runs=2", "--runs-page-size", "25",
            "--max-run-lists", "50", "--spaces-order", "children-first",
            "--port-self-relation-on-create", "refuse", "--port-bulk-relations", "snapshot", "--port-delete-dependents", "any",
            "--port-dangling-relations", "keep", "--port-referenced-blueprint-delete", "allow", "--port-aggregation-refresh", "900", "--port-search-query-flags", "ignore",
        ]);

        Assert.NotNull(options);
        Assert.Equal((2000, 50, 10, 2, 25, 50), (options.Stacks, options.Spaces, options.RunsPerStack, options.ProposedRunsPerStack, options.RunsPageSize, options.MaxRunListsPerRequest));
        Assert.True(options.SpacesChildrenFirst);
        Assert.Equal(
            new RelationBehaviour
            {
                SelfRelationOnCreate = false, BulkSeesEarlierItems = false, DeleteDependents = DependentsScope.AnyRelation,
                OnTargetDeleted = DanglingRelations.Keep, RefuseDeletingReferencedBlueprint = false, AggregationRefresh = TimeSpan.FromMinutes(15),
                BlueprintSearchHonoursQueryFlags = false,
            },
            options.PortRelations);
    }

    [Fact]
    public void DefaultsKeepTodaysAccountAndPortAnswers()
    {
        var options = EmulatorCommandLine.Parse([]);

        Assert.NotNull(options);
        Assert.Equal((4, 0, 0, 50), (options.Spaces, options.RunsPerStack, options.ProposedRunsPerStack, options.RunsPageSize));
        Assert.Null(options.MaxRunListsPerRequest);
        Assert.False(options.SpacesChildrenFirst);
        Assert.Equal(new RelationBehaviour(), options.PortRelations);
    }

    [Theory]
    [InlineData("--spaces", "-1", "--spaces '-1' is not a whole number of at least 0")]
    [InlineData("--runs-page-size", "0", "--runs-page-size '0' is not a whole number of at least 1")]
    [InlineData("--spaces-order", "random", "--spaces-order 'random' is neither parents-first nor children-first")]
    [InlineData("--port-dangling-relations", "drop", "--port-dangling-relations 'drop' is neither clear nor keep")]
    public void BadValuesAreNamed(string flag, string value, string message)
    {
        var error = Assert.Throws<EmulatorUsageException>(() => EmulatorCommandLine.Parse([flag, value]));

        Assert.Equal(message, error.Message);
    }
}

using System.Text.Json.Nodes;
using Infra.Cli.Engine.Contract;
using Infra.Sdk;

namespace Infra.Tests.Engine;

/// <summary>
/// Issue 28, finding 8: people assign teams to entities in Port (ownership), and the program does not map
/// them, so an hourly `up` stripped them. A team the program does not declare is kept as Port has it.
/// </summary>
public sealed class KeptTeamTests : IDisposable
{
    private readonly EngineFixture _f = new(stacks: 2);

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task A_team_someone_assigned_in_Port_is_no_change_and_survives_an_update_of_the_entity()
    {
        // Given an entity someone gave a team in Port's UI
        await _f.RunAsync();
        var entity = _f.Port.Entity("space_lift_stack", "stack-1")!.DeepClone().AsObject();
        entity["team"] = new JsonArray("platform");
        _f.Port.SeedEntity("space_lift_stack", entity);

        // Then it is no change
        (await _f.PreviewAsync()).AssertNoChanges();

        // When the stack changes in Spacelift, the entity is written again
        _f.Spacelift.Stacks[0] = _f.Spacelift.Stacks[0] with { State = "FAILED" };
        var result = await _f.RunAsync();

        // Then it is written with its team
        Assert.Equal(ChangeKind.Update, result.Plan.Change(ResourceKind.Entity, "stack-1").Kind);
        Assert.Equal("""["platform"]""", _f.Port.Entity("space_lift_stack", "stack-1")!["team"]!.ToJsonString());
        Assert.Equal("FAILED", _f.Port.Entity("space_lift_stack", "stack-1")!["properties"]!["state"]!.GetValue<string>());
    }
}

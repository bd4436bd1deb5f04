using Infra.Sdk;
using Infra.Stacks;
using Infra.Tests.Emulators.Port;

namespace Infra.Tests.Stacks;

/// <summary>
/// The trigger's execute policy under Port's rule that, once there is a policy, it alone decides who
/// executes: it must carry the configured lists itself.
/// </summary>
public sealed class WhoMayRunTests
{
    private static readonly IntegrationInputs Inputs = new(
        "space_lift_stack",
        new Uri("https://api.getport.io/"),
        new Uri("https://acme.app.spacelift.io/"),
        new Secret("id"),
        new Secret("secret"))
    {
        Permissions = new RunPermissions(
            new ActionAccess(["Admin", "Member"], [], ["Ops@X.io"]),
            ActionAccess.PortDefault,
            new ProtectedStacks("protected", ["platform", "sre"], ["Admin"], [])),
    };

    [Fact]
    public void TheExecuteConditionTheEmulatorTestsEvaluateIsTheOneDeclared()
    {
        var body = WhoMayRun.TriggerPermissions(Inputs);

        Assert.Equal(JqPolicyExpressionTests.ExecuteCondition, body["execute"]!["policy"]!["conditions"]![0]!.GetValue<string>());
    }

    [Fact]
    public void WithoutAProtectedLabelTheListsDecideAndThereIsNoPolicy()
    {
        var body = WhoMayRun.TriggerPermissions(Inputs with { Permissions = Inputs.Permissions! with { Protected = null } });

        Assert.Null(body["execute"]!["policy"]);
        Assert.Equal("""["Admin","Member"]""", body["execute"]!["roles"]!.ToJsonString());
    }

    [Fact]
    public void EmptyListsLetNobodyExecute()
    {
        var body = WhoMayRun.TriggerPermissions(Inputs with { Permissions = Inputs.Permissions! with { Trigger = new ActionAccess([], [], []) } });

        Assert.StartsWith("false and ", body["execute"]!["policy"]!["conditions"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void PoliciesCompareTeamIdentifiersWhileTheListsKeepTheNames()
    {
        var inputs = Inputs with
        {
            Permissions = new RunPermissions(new ActionAccess(["Admin"], ["developers"], []), ActionAccess.PortDefault, new ProtectedStacks("protected", ["platform"], [], ["approvers"])),
            Teams = new TeamIdentifiers(new Dictionary<string, string> { ["developers"] = "team_dev1", ["platform"] = "team_plat", ["approvers"] = "team_appr" }),
        };

        var body = WhoMayRun.TriggerPermissions(inputs);

        var condition = body["execute"]!["policy"]!["conditions"]![0]!.GetValue<string>();
        Assert.Contains(". == \"team_dev1\"", condition, StringComparison.Ordinal);
        Assert.Contains(". == \"team_plat\"", condition, StringComparison.Ordinal);
        Assert.DoesNotContain("\"platform\"", condition, StringComparison.Ordinal);
        var approvers = body["approve"]!["policy"]!["queries"]!["approvers"]!["rules"]![1]!["rules"]![0]!;
        Assert.Equal(("$team", """["team_appr"]"""), (approvers["property"]!.GetValue<string>(), approvers["value"]!.ToJsonString()));
        Assert.Equal("""["developers"]""", body["execute"]!["teams"]!.ToJsonString());
        Assert.Equal("""["approvers"]""", body["approve"]!["teams"]!.ToJsonString());
    }
}

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
}

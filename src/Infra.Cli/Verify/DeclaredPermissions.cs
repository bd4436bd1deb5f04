using System.Text.Json.Nodes;
using Infra.Sdk;
using Infra.Sdk.Declarations;

namespace Infra.Cli.Verify;

/// <summary>
/// What this stack declares about who may run its actions, taken from the program's own declaration (the
/// bodies <c>preview</c> compares with): each action's permissions and <c>requiredApproval</c>, and the
/// protected stacks the trigger's policies were built from.
/// </summary>
public sealed class DeclaredPermissions
{
    private readonly Dictionary<string, JsonObject> _permissions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonNode?> _approvals = new(StringComparer.Ordinal);

    private DeclaredPermissions(ProtectedStacks? shielded) => Protected = shielded;

    /// <summary>The configured protected stacks (<c>infra:protectedLabel</c>), null when none.</summary>
    public ProtectedStacks? Protected { get; }

    public static DeclaredPermissions From(Declaration declaration, RunPermissions access)
    {
        var declared = new DeclaredPermissions(access.Protected);
        foreach (var resource in declaration.State.Resources)
        {
            if (resource.Address.Kind == ResourceKind.ActionPermissions)
            {
                declared._permissions[resource.Address.Id] = resource.Body;
            }
            else if (resource.Address.Kind == ResourceKind.Action)
            {
                declared._approvals[resource.Address.Id] = resource.Body["requiredApproval"];
            }
        }

        return declared;
    }

    /// <summary>The declared permissions body of <paramref name="action"/>, or null when the program declares none for it.</summary>
    public JsonObject? Permissions(string action) => _permissions.GetValueOrDefault(action);

    /// <summary>The declared <c>requiredApproval</c> of <paramref name="action"/> (false, or <c>{"type": …}</c>).</summary>
    public JsonNode? RequiredApproval(string action) => _approvals.GetValueOrDefault(action);
}

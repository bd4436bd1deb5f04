using System.Text.Json.Nodes;
using Infra.Cli.Http;
using Infra.Sdk;

namespace Infra.Cli.Verify;

/// <summary>
/// What this stack declares about who may run its actions, taken from the program's own graph (the
/// bodies <c>preview</c> compares with): each action's permissions and <c>requiredApproval</c>, and the
/// label of the protected stacks when the program names one (<see cref="VerifyOutputs.ProtectedLabel"/>).
/// </summary>
public sealed class DeclaredPermissions
{
    private readonly Dictionary<string, JsonObject> _permissions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonNode?> _approvals = new(StringComparer.Ordinal);

    private DeclaredPermissions(string? protectedLabel) => ProtectedLabel = protectedLabel;

    /// <summary>The label of the protected stacks, null when none are.</summary>
    public string? ProtectedLabel { get; }

    public static DeclaredPermissions From(ResourceGraph graph)
    {
        var declared = new DeclaredPermissions(graph.Output(VerifyOutputs.ProtectedLabel));
        foreach (var resource in graph.Resources)
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

    /// <summary>The roles and teams the declared permissions of <paramref name="action"/> name as approvers.</summary>
    public (IReadOnlyList<string> Roles, IReadOnlyList<string> Teams) Approvers(string action)
    {
        var approve = Permissions(action)?["approve"];
        return (Names(approve?["roles"]), Names(approve?["teams"]));
    }

    private static string[] Names(JsonNode? list) => [.. (list as JsonArray)?.Select(JsonWire.String).OfType<string>() ?? []];
}

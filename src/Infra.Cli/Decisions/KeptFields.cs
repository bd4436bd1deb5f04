using System.Text.Json.Nodes;
using Infra.Sdk;

namespace Infra.Cli.Decisions;

/// <summary>
/// What people set in a service and a program does not declare stays as it is, for both executors: a kind's
/// <see cref="ResourceKind.KeptFields"/> the declared body leaves out are carried over from the live body,
/// so a write (a whole-entity upsert, a Pulumi registration) does not clear them and a plan shows no change.
/// </summary>
public static class KeptFields
{
    /// <summary><paramref name="declared"/> with the kept fields it leaves out taken from <paramref name="live"/>; itself when there are none.</summary>
    public static JsonObject Carry(ResourceKind kind, JsonObject declared, JsonObject? live)
    {
        var carried = kind.KeptFields.Where(f => !declared.ContainsKey(f) && live?[f] is not null).ToList();
        if (carried.Count == 0)
        {
            return declared;
        }

        var copy = declared.DeepClone().AsObject();
        foreach (var field in carried)
        {
            copy[field] = live![field]!.DeepClone();
        }

        return copy;
    }
}

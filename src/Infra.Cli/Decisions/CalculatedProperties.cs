using System.Text.Json.Nodes;
using Infra.Sdk;

namespace Infra.Cli.Decisions;

/// <summary>
/// An entity's own properties, for both executors: Port may return the values it computes (mirror and
/// aggregation properties, <see cref="EntitySet.Calculated"/>) inside <c>properties</c> even when asked not
/// to, and they are neither compared with a declaration nor written back (Port refuses them in a write).
/// </summary>
public static class CalculatedProperties
{
    /// <summary>Removes the set's calculated properties from <paramref name="entity"/>'s <c>properties</c>, in place; returns it.</summary>
    public static JsonObject Strip(JsonObject entity, EntitySet set)
    {
        if (set.Calculated.Count > 0 && entity["properties"] is JsonObject properties)
        {
            foreach (var key in set.Calculated)
            {
                properties.Remove(key);
            }
        }

        return entity;
    }
}

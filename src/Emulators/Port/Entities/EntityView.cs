using System.Text.Json.Nodes;
using Emulators.Port.Blueprints;

namespace Emulators.Port.Entities;

/// <summary>
/// An entity as Port answers it: every schema property present (null when unset, as in Port's
/// automation payloads), properties no longer in the schema hidden, optional include/exclude projection.
/// </summary>
internal static class EntityView
{
    private static readonly string[] MetaFields = ["identifier", "title", "icon", "blueprint", "team", "createdAt", "createdBy", "updatedAt", "updatedBy"];

    public static JsonObject Render(BlueprintRecord blueprint, JsonObject stored, Projection? projection = null)
    {
        var result = new JsonObject();
        foreach (var field in MetaFields)
        {
            if (projection?.Keeps("$" + field) != false)
            {
                result[field] = stored[field]?.DeepClone();
            }
        }

        var properties = new JsonObject();
        var storedProperties = (JsonObject)stored["properties"]!;
        foreach (var (key, _) in blueprint.SchemaProperties)
        {
            if (projection?.Keeps(key) != false)
            {
                properties[key] = storedProperties[key]?.DeepClone();
            }
        }

        var relations = new JsonObject();
        var storedRelations = (JsonObject)stored["relations"]!;
        foreach (var (key, _) in blueprint.Relations)
        {
            if (projection?.Keeps(key) != false)
            {
                relations[key] = storedRelations[key]?.DeepClone();
            }
        }

        result["properties"] = properties;
        result["relations"] = relations;
        return result;
    }

    /// <summary>Port's <c>include</c>/<c>exclude</c> lists: meta fields with a <c>$</c> prefix, properties and relations by key.</summary>
    internal sealed record Projection(IReadOnlySet<string>? Include, IReadOnlySet<string>? Exclude)
    {
        public static Projection? From(IEnumerable<string>? include, IEnumerable<string>? exclude)
            => include is null && exclude is null
                ? null
                : new Projection(include?.ToHashSet(StringComparer.Ordinal), exclude?.ToHashSet(StringComparer.Ordinal));

        public bool Keeps(string key) => (Include is null || Include.Contains(key)) && Exclude?.Contains(key) != true;
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Emulators.Port.Entities;
using Emulators.Port.Http;
using Emulators.Port.Validation;

namespace Emulators.Port.Blueprints;

/// <summary>
/// Checks a full blueprint definition (create, PUT, or the result of a PATCH merge) and returns the
/// definition to store. The body is permissive (<c>additionalProperties:true</c>); the schema is strict.
/// </summary>
internal static class BlueprintValidator
{
    private static readonly string[] Types = ["string", "number", "boolean", "object", "array"];

    private static readonly string[] Formats =
        ["date-time", "url", "email", "idn-email", "ipv4", "ipv6", "markdown", "yaml", "user", "blueprints", "team", "timer", "proto", "labeled-url"];

    private static readonly string[] Specs = ["open-api", "embedded-url", "async-api"];

    private static readonly string[] KeyedMaps = ["mirrorProperties", "calculationProperties", "aggregationProperties", "relations"];

    /// <param name="stored">The organisation's blueprints, for relation targets and mirror paths.</param>
    /// <param name="creating">True for a new blueprint (POST), false for PUT and PATCH.</param>
    public static JsonObject Validate(JsonObject body, IReadOnlyDictionary<string, BlueprintRecord> stored, RelationBehaviour behaviour, bool creating)
    {
        var definition = (JsonObject)body.DeepClone();
        foreach (var meta in JsonChecks.MetaFields)
        {
            definition.Remove(meta);
        }

        var identifier = JsonChecks.String(definition, "identifier", "body");
        Identifiers.Check("Blueprint identifier", identifier, Identifiers.Blueprint(), Identifiers.BlueprintMax);
        JsonChecks.String(definition, "title", "body");
        JsonChecks.MaxLength(definition, "title", "body", Identifiers.TitleMax, min: 1);
        JsonChecks.MaxLength(definition, "description", "body", Identifiers.DescriptionMax);
        JsonChecks.OptionalString(definition, "icon", "body");
        ValidateSchema(JsonChecks.Object(definition["schema"], "body/schema"));
        foreach (var map in KeyedMaps)
        {
            var entries = definition[map] is null ? new JsonObject() : JsonChecks.Object(definition[map], $"body/{map}");
            definition[map] = entries;
            foreach (var (key, value) in entries)
            {
                Identifiers.Check($"Key of {map}", key, Identifiers.Key(), Identifiers.KeyMax);
                JsonChecks.Object(value, $"body/{map}/{key}");
            }
        }

        var catalogue = new BlueprintCatalogue(stored, definition, creating);
        RelationDefinitions.Validate((JsonObject)definition["relations"]!, catalogue, behaviour);
        foreach (var (key, value) in (JsonObject)definition["calculationProperties"]!)
        {
            JsonChecks.Require((JsonObject)value!, $"body/calculationProperties/{key}", "calculation", "type");
        }

        MirrorDefinitions.Validate((JsonObject)definition["mirrorProperties"]!, catalogue);
        AggregationDefinitions.Validate((JsonObject)definition["aggregationProperties"]!, catalogue);
        CheckUniqueKeys(definition);

        if (definition["ownership"] is { } ownership)
        {
            JsonChecks.OneOf(JsonChecks.Object(ownership, "body/ownership"), "type", "body/ownership", "Direct", "Inherited");
        }

        return definition;
    }

    /// <summary>Port cannot change a property's type in place while entities hold values for it.</summary>
    public static void CheckTypeChanges(BlueprintRecord existing, JsonObject replacement)
    {
        if (existing.Entities.Count == 0)
        {
            return;
        }

        var newProperties = (JsonObject)replacement["schema"]!["properties"]!;
        foreach (var (key, oldProperty) in existing.SchemaProperties)
        {
            var oldType = oldProperty?["type"]?.GetValue<string>();
            var newType = newProperties[key]?["type"]?.GetValue<string>();
            if (newType is not null && oldType != newType)
            {
                throw PortApiError.Invalid(
                    $"Property '{key}' of blueprint '{existing.Definition["identifier"]}' cannot change type from {oldType} to {newType} while the blueprint has entities; use a migration");
            }
        }
    }

    /// <summary>PATCH semantics: top-level fields replace, keyed maps and schema properties merge per key.</summary>
    public static JsonObject Merge(JsonObject existing, JsonObject patch)
    {
        var merged = (JsonObject)existing.DeepClone();
        foreach (var (key, value) in patch)
        {
            if (key == "schema" && value is JsonObject schemaPatch && merged["schema"] is JsonObject schema)
            {
                MergeSchema(schema, schemaPatch);
            }
            else if (KeyedMaps.Contains(key) && value is JsonObject entries && merged[key] is JsonObject target)
            {
                foreach (var (entryKey, entry) in entries)
                {
                    target[entryKey] = entry?.DeepClone();
                }
            }
            else
            {
                merged[key] = value?.DeepClone();
            }
        }

        return merged;
    }

    private static void MergeSchema(JsonObject schema, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            if (key == "properties" && value is JsonObject properties && schema["properties"] is JsonObject target)
            {
                foreach (var (name, property) in properties)
                {
                    target[name] = property?.DeepClone();
                }
            }
            else
            {
                schema[key] = value?.DeepClone();
            }
        }
    }

    private static void ValidateSchema(JsonObject schema)
    {
        JsonChecks.AllowOnly(schema, "body/schema", "properties", "required");
        var properties = JsonChecks.Object(schema["properties"], "body/schema/properties");
        foreach (var (key, value) in properties)
        {
            Identifiers.Check("Property identifier", key, Identifiers.Key(), Identifiers.KeyMax);
            var path = $"body/schema/properties/{key}";
            var property = JsonChecks.Object(value, path);
            JsonChecks.String(property, "type", path);
            JsonChecks.OneOf(property, "type", path, Types);
            JsonChecks.OneOf(property, "format", path, Formats);
            JsonChecks.OneOf(property, "spec", path, Specs);
            if (property["enum"] is { } values && values is not JsonArray)
            {
                throw PortApiError.Invalid($"{path}/enum must be an array");
            }
        }

        if (JsonChecks.OptionalArray(schema, "required", "body/schema") is { } required)
        {
            foreach (var name in JsonChecks.StringArray(required, "body/schema/required"))
            {
                if (!properties.ContainsKey(name))
                {
                    throw PortApiError.Invalid($"body/schema/required names '{name}', which is not a property of the schema");
                }
            }
        }
        else
        {
            schema["required"] = new JsonArray();
        }
    }

    /// <summary>
    /// A value an entity shows under <c>properties</c> comes from exactly one of the schema, the mirror, the
    /// calculation and the aggregation properties, so a key may be used once across them (the emulator's rule;
    /// Port's answer to a clash is not published).
    /// </summary>
    private static void CheckUniqueKeys(JsonObject definition)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (map, entries) in new[]
        {
            ("schema/properties", (JsonObject)definition["schema"]!["properties"]!),
            ("mirrorProperties", (JsonObject)definition["mirrorProperties"]!),
            ("calculationProperties", (JsonObject)definition["calculationProperties"]!),
            ("aggregationProperties", (JsonObject)definition["aggregationProperties"]!),
        })
        {
            foreach (var (key, _) in entries)
            {
                if (!seen.TryAdd(key, map))
                {
                    throw PortApiError.Invalid($"body/{map}/{key}: '{key}' is already used in body/{seen[key]}");
                }
            }
        }
    }
}

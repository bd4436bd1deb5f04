using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Emulators.Port.Blueprints;
using Emulators.Port.Http;
using Emulators.Port.Validation;

namespace Emulators.Port.Entities;

/// <summary>
/// Validates and applies one entity write under the organisation lock: identifier rules, the blueprint
/// schema, relations (targets must exist unless created on demand), and create/replace/merge semantics.
/// </summary>
internal sealed class EntityWriter(Organisation organisation)
{
    private static readonly string[] PatchFields = ["identifier", "title", "icon", "team", "properties", "relations"];

    /// <param name="pathIdentifier">The identifier in the URL for PUT/PATCH; null for POST.</param>
    /// <param name="strict">PATCH bodies are <c>additionalProperties:false</c>.</param>
    public EntityWrite Write(
        BlueprintRecord blueprint,
        JsonNode? bodyNode,
        EntityWriteMode mode,
        string? pathIdentifier,
        bool strict,
        bool createMissingRelated,
        bool validationOnly,
        IReadOnlySet<(string Blueprint, string Identifier)>? createdInRequest = null)
    {
        var body = JsonChecks.Object(bodyNode, "body");
        if (strict)
        {
            JsonChecks.AllowOnly(body, "body", PatchFields);
        }

        var blueprintId = blueprint.Definition["identifier"]!.GetValue<string>();
        var identifier = ReadIdentifier(body, pathIdentifier);
        var existingId = pathIdentifier ?? identifier;
        var existing = blueprint.Entities.Find(existingId);
        if (pathIdentifier is not null && existing is null)
        {
            throw PortApiError.NotFound($"Entity '{pathIdentifier}' of blueprint '{blueprintId}' was not found");
        }

        if (mode == EntityWriteMode.Create && existing is not null)
        {
            throw PortApiError.Taken($"Entity '{identifier}' already exists in blueprint '{blueprintId}'; identifiers must be unique (use upsert=true to update it)");
        }

        if (identifier != existingId && blueprint.Entities.Contains(identifier))
        {
            throw PortApiError.Taken($"Entity '{identifier}' already exists in blueprint '{blueprintId}'; identifiers must be unique");
        }

        var merge = mode == EntityWriteMode.Merge && existing is not null;
        var entity = new JsonObject
        {
            ["identifier"] = identifier,
            ["title"] = Field(body, "title", merge ? existing : null),
            ["icon"] = Field(body, "icon", merge ? existing : null),
            ["blueprint"] = blueprintId,
            ["team"] = body.ContainsKey("team") || !merge ? ReadTeam(body["team"]) : existing!["team"]?.DeepClone(),
            ["properties"] = ReadProperties(blueprint, blueprintId, body["properties"], merge ? (JsonObject)existing!["properties"]! : null),
        };
        var missingTargets = new List<(string Blueprint, string Identifier)>();
        entity["relations"] = ReadRelations(
            blueprint, blueprintId, body["relations"], merge ? (JsonObject)existing!["relations"]! : null, createMissingRelated, missingTargets, createdInRequest);
        organisation.Stamp(entity, existing);

        if (!validationOnly)
        {
            foreach (var (targetBlueprint, targetId) in missingTargets.Distinct())
            {
                var bare = new JsonObject
                {
                    ["identifier"] = targetId, ["title"] = null, ["icon"] = null, ["blueprint"] = targetBlueprint,
                    ["team"] = new JsonArray(), ["properties"] = new JsonObject(), ["relations"] = new JsonObject(),
                };
                organisation.Stamp(bare, null);
                organisation.EntitiesOf(targetBlueprint)!.Put(targetId, bare);
            }

            if (existing is not null && identifier != existingId)
            {
                blueprint.Entities.Rename(existingId, identifier, entity);
            }
            else
            {
                blueprint.Entities.Put(identifier, entity);
            }
        }

        return new EntityWrite(blueprintId, entity, existing);
    }

    private static string ReadIdentifier(JsonObject body, string? pathIdentifier)
    {
        if (!body.TryGetPropertyValue("identifier", out var node) || node is null)
        {
            return pathIdentifier ?? "e_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            throw PortApiError.Invalid("body/identifier must be a string (search-query identifiers are not supported by the emulator)");
        }

        var identifier = node.GetValue<string>();
        Identifiers.Check("Entity identifier", identifier, Identifiers.Entity(), Identifiers.EntityMax);
        return identifier;
    }

    private static JsonNode? Field(JsonObject body, string key, JsonObject? existing)
    {
        if (!body.TryGetPropertyValue(key, out var value))
        {
            return existing?[key]?.DeepClone();
        }

        if (value is not null && value.GetValueKind() != JsonValueKind.String)
        {
            throw PortApiError.Invalid($"body/{key} must be a string");
        }

        return value?.DeepClone();
    }

    private static JsonArray ReadTeam(JsonNode? team) => team switch
    {
        null => [],
        JsonArray array => [.. JsonChecks.StringArray(array, "body/team").Select(name => (JsonNode?)name)],
        JsonValue value when value.GetValueKind() == JsonValueKind.String => [value.GetValue<string>()],
        _ => throw PortApiError.Invalid("body/team must be a string or an array of strings (team queries are not supported by the emulator)"),
    };

    private static JsonObject ReadProperties(BlueprintRecord blueprint, string blueprintId, JsonNode? node, JsonObject? existing)
    {
        var given = node is null ? [] : JsonChecks.Object(node, "body/properties");
        var result = existing is null ? new JsonObject() : (JsonObject)existing.DeepClone();
        var schema = blueprint.SchemaProperties;
        foreach (var (key, value) in given)
        {
            if (schema[key] is not JsonObject definition)
            {
                throw PortApiError.SchemaMismatch(
                    $"The provided entity does not match the blueprint's schema: property '{key}' is not defined in blueprint '{blueprintId}'");
            }

            PropertyValidator.Check(blueprintId, key, definition, value);
            result[key] = value?.DeepClone();
        }

        foreach (var required in blueprint.RequiredProperties)
        {
            if (result[required] is null)
            {
                throw PortApiError.SchemaMismatch(
                    $"The provided entity does not match the blueprint's schema: required property '{required}' of blueprint '{blueprintId}' is missing");
            }
        }

        return result;
    }

    private JsonObject ReadRelations(
        BlueprintRecord blueprint,
        string blueprintId,
        JsonNode? node,
        JsonObject? existing,
        bool createMissing,
        List<(string, string)> missingTargets,
        IReadOnlySet<(string, string)>? createdInRequest)
    {
        var given = node is null ? [] : JsonChecks.Object(node, "body/relations");
        var result = existing is null ? new JsonObject() : (JsonObject)existing.DeepClone();
        foreach (var (key, value) in given)
        {
            if (blueprint.Relations[key] is not JsonObject relation)
            {
                throw PortApiError.SchemaMismatch(
                    $"The provided entity does not match the blueprint's schema: relation '{key}' is not defined in blueprint '{blueprintId}'");
            }

            var target = relation["target"]!.GetValue<string>();
            var targets = organisation.EntitiesOf(target) ?? throw Blueprints.RelationDefinitions.MissingBlueprint(target);
            var many = relation["many"]?.GetValue<bool>() == true;
            var identifiers = value switch
            {
                null => [],
                JsonArray array when !many => throw new PortApiError(422, "relation_many_violation",
                    $"Relation '{key}' of blueprint '{blueprintId}' is not a many relation; it takes one identifier, not an array"),
                JsonArray array => JsonChecks.StringArray(array, $"body/relations/{key}"),
                JsonValue single when single.GetValueKind() == JsonValueKind.String => [single.GetValue<string>()],
                _ => throw PortApiError.Invalid($"body/relations/{key} must be an identifier, an array of identifiers or null (search queries are not supported by the emulator)"),
            };
            foreach (var targetId in identifiers)
            {
                Identifiers.Check($"Identifier in relation '{key}'", targetId, Identifiers.Entity(), Identifiers.EntityMax);
                var exists = targets.Contains(targetId);
                if (!exists || createdInRequest?.Contains((target, targetId)) == true)
                {
                    // Port answers a missing related entity with 404 not_found: port-labs/ocean's upsert_entity
                    // (port_ocean/clients/port/mixins/entities.py) reads exactly that pair as an unmet dependency.
                    if (!createMissing)
                    {
                        throw PortApiError.NotFound(
                            $"Related entity '{targetId}' of blueprint '{target}' (relation '{key}') was not found");
                    }

                    if (!exists)
                    {
                        missingTargets.Add((target, targetId));
                    }
                }
            }

            result[key] = many ? new JsonArray([.. identifiers.Select(id => (JsonNode?)id)]) : value?.DeepClone();
        }

        foreach (var (key, relation) in blueprint.Relations)
        {
            if (relation?["required"]?.GetValue<bool>() == true && result[key] is null or JsonArray { Count: 0 })
            {
                throw new PortApiError(422, "required_relation", $"Relation '{key}' of blueprint '{blueprintId}' is required");
            }
        }

        return result;
    }
}

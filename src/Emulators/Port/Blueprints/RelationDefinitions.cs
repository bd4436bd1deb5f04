using System.Text.Json;
using System.Text.Json.Nodes;
using Emulators.Port.Entities;
using Emulators.Port.Http;
using Emulators.Port.Validation;

namespace Emulators.Port.Blueprints;

/// <summary>
/// A blueprint's <c>relations</c>, checked as Port declares them. The OpenAPI (<c>/v1/blueprints</c> body):
/// each relation is a closed object of <c>title</c> (at most 100 characters), <c>target</c>, <c>required</c>,
/// <c>many</c> (both booleans, default false), <c>description</c> and <c>type</c>. port-docs
/// <c>relate-blueprints/relate-blueprints.md</c>: the target "has to exist when defining the relation", and
/// "a Relation can't be configured with both <c>many</c> and <c>required</c> set to <c>true</c>". A missing target
/// answers 404 <c>not_found</c> "Blueprint with identifier "X" was not found", the answer
/// terraform-provider-port-labs PR 438 quotes from Port.
/// </summary>
internal static class RelationDefinitions
{
    private static readonly string[] Fields = ["title", "target", "required", "many", "description", "type"];

    public static void Validate(JsonObject relations, BlueprintCatalogue catalogue, RelationBehaviour behaviour)
    {
        foreach (var (key, value) in relations)
        {
            var path = $"body/relations/{key}";
            var relation = (JsonObject)value!;
            JsonChecks.AllowOnly(relation, path, Fields);
            var target = JsonChecks.String(relation, "target", path);
            JsonChecks.Boolean(relation, "required", path);
            JsonChecks.Boolean(relation, "many", path);
            JsonChecks.MaxLength(relation, "title", path, Identifiers.TitleMax);
            JsonChecks.OptionalString(relation, "description", path);
            JsonChecks.OptionalString(relation, "type", path);
            relation["required"] ??= false;
            relation["many"] ??= false;
            if (relation["required"]!.GetValue<bool>() && relation["many"]!.GetValue<bool>())
            {
                throw PortApiError.Invalid($"{path}: a relation cannot be both required and many");
            }

            var toItself = target == catalogue.Writing;
            if (toItself ? catalogue.Creating && !behaviour.SelfRelationOnCreate : catalogue.Find(target) is null)
            {
                throw MissingBlueprint(target);
            }
        }
    }

    public static PortApiError MissingBlueprint(string identifier)
        => PortApiError.NotFound($"Blueprint with identifier \"{identifier}\" was not found");

    /// <summary>The relation's target blueprint and whether it is a many relation; null when the key is not a relation.</summary>
    public static (string Target, bool Many)? Of(JsonObject definition, string key)
        => BlueprintCatalogue.Relations(definition)[key] is JsonObject relation && relation["target"]?.GetValueKind() == JsonValueKind.String
            ? (relation["target"]!.GetValue<string>(), relation["many"]?.GetValue<bool>() == true)
            : null;
}

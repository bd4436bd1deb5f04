using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Emulators.Port.Http;
using Emulators.Port.Validation;

namespace Emulators.Port.Blueprints;

/// <summary>
/// A blueprint's <c>mirrorProperties</c>. The OpenAPI: a closed object of <c>path</c> (required, relation
/// identifiers and a last property joined by dots) and <c>title</c> (at most 100 characters). port-docs
/// <c>setup-blueprint/properties/mirror-property.md</c>: the path is "a path of chained relations, which lead
/// up to a blueprint property or meta-property" (<c>$title</c>, <c>$identifier</c>...). The emulator resolves
/// the path when the blueprint is written and refuses one that leads nowhere (Port's answer to that is not
/// published); it does not follow <c>many</c> relations or end on another calculated property.
/// </summary>
internal static partial class MirrorDefinitions
{
    /// <summary>port-docs <c>setup-blueprint/properties/meta-properties.md</c>.</summary>
    public static readonly IReadOnlySet<string> MetaProperties = new HashSet<string>(
        ["$identifier", "$title", "$team", "$icon", "$createdAt", "$updatedAt", "$createdBy", "$updatedBy", "$blueprint"], StringComparer.Ordinal);

    public static void Validate(JsonObject mirrors, BlueprintCatalogue catalogue)
    {
        var self = catalogue.Find(catalogue.Writing)!;
        foreach (var (key, value) in mirrors)
        {
            var path = $"body/mirrorProperties/{key}";
            var mirror = (JsonObject)value!;
            JsonChecks.AllowOnly(mirror, path, "path", "title");
            JsonChecks.MaxLength(mirror, "title", path, Identifiers.TitleMax);
            var text = JsonChecks.String(mirror, "path", path);
            if (!PathPattern().IsMatch(text))
            {
                throw PortApiError.Invalid($"{path}/path '{text}' must be relation identifiers and a property joined by dots");
            }

            var segments = text.Split('.');
            var current = self;
            foreach (var relation in segments[..^1])
            {
                var (target, many) = RelationDefinitions.Of(current, relation)
                    ?? throw PortApiError.Invalid($"{path}/path: '{relation}' is not a relation of blueprint '{current["identifier"]}'");
                if (many)
                {
                    throw PortApiError.Invalid($"{path}/path: '{relation}' is a many relation, which the emulator does not mirror through");
                }

                current = catalogue.Find(target) ?? throw RelationDefinitions.MissingBlueprint(target);
            }

            var last = segments[^1];
            if (!MetaProperties.Contains(last) && !BlueprintCatalogue.Properties(current).ContainsKey(last))
            {
                throw PortApiError.Invalid($"{path}/path: '{last}' is neither a property nor a meta-property of blueprint '{current["identifier"]}'");
            }
        }
    }

    /// <summary>At least one relation, then the property; a segment is a key or a <c>$</c> meta-property.</summary>
    [GeneratedRegex(@"^(?:[A-Za-z0-9@_=\-]+\.)+\$?[A-Za-z0-9@_=\-]+$")]
    private static partial Regex PathPattern();
}

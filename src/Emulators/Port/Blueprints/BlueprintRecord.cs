using System.Text.Json.Nodes;
using Emulators.Port.Entities;

namespace Emulators.Port.Blueprints;

/// <summary>A blueprint's stored definition (as answered, meta fields included) and its entities.</summary>
internal sealed class BlueprintRecord(JsonObject definition)
{
    public JsonObject Definition { get; set; } = definition;

    public EntityCollection Entities { get; } = new();

    public JsonObject SchemaProperties => (JsonObject)Definition["schema"]!["properties"]!;

    public IEnumerable<string> RequiredProperties
        => Definition["schema"]?["required"] is JsonArray required ? required.Select(x => x!.GetValue<string>()) : [];

    public JsonObject Relations => (JsonObject)Definition["relations"]!;
}

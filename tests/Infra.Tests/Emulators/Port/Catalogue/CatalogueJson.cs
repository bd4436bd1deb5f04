using System.Text.Json.Nodes;

namespace Infra.Tests.Emulators.Port.Catalogue;

/// <summary>Small JSON builders for the catalogue tests.</summary>
internal static class CatalogueJson
{
    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    public static JsonObject Blueprint(string identifier, string? relations = null, string? properties = null) => Parse($$"""
        { "identifier": "{{identifier}}", "title": "{{identifier}}",
          "schema": { "properties": {{properties ?? "{}"}} },
          "relations": {{relations ?? "{}"}} }
        """);

    public static JsonObject Entity(string identifier, JsonObject? relations = null, JsonObject? properties = null) => new()
    {
        ["identifier"] = identifier,
        ["title"] = identifier.ToUpperInvariant(),
        ["properties"] = properties ?? [],
        ["relations"] = relations ?? [],
    };

    public static string Error(JsonObject body) => body["error"]!.GetValue<string>();
}

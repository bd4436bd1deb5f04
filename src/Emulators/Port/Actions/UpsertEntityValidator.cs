using System.Text.Json;
using System.Text.Json.Nodes;
using Emulators.Port.Http;
using Emulators.Port.Validation;

namespace Emulators.Port.Actions;

/// <summary>
/// An <c>UPSERT_ENTITY</c> invocation as Port's OpenAPI declares it (<c>/v1/actions</c> POST and PUT,
/// <c>invocationMethod</c> "Upsert Entity"): closed at the top (<c>type</c>, <c>blueprintIdentifier</c>,
/// <c>mapping</c>, all required), and a <c>mapping</c> whose declared keys are typed but which requires none
/// and is open to others, as the Terraform provider relies on when it sends <c>mapping: {}</c>
/// (terraform-provider-port-labs port/action/actionStateToPortBody.go at e26439a). Values are checked
/// before templating, so <c>"{{ .x | map(.identifier) }}"</c> is a string here and an array once rendered.
/// </summary>
internal static class UpsertEntityValidator
{
    private const string Path = "body/invocationMethod";

    public static void Validate(JsonObject invocation)
    {
        JsonChecks.AllowOnly(invocation, Path, "type", "blueprintIdentifier", "mapping");
        JsonChecks.Require(invocation, Path, "type", "blueprintIdentifier", "mapping");
        JsonChecks.String(invocation, "blueprintIdentifier", Path);
        var mapping = JsonChecks.Object(invocation["mapping"], $"{Path}/mapping");
        const string mappingPath = Path + "/mapping";
        foreach (var key in new[] { "identifier", "title", "icon" })
        {
            JsonChecks.OptionalString(mapping, key, mappingPath);
        }

        switch (mapping["team"])
        {
            case null:
            case JsonValue team when team.GetValueKind() == JsonValueKind.String:
                break;
            case JsonArray teams:
                JsonChecks.StringArray(teams, $"{mappingPath}/team");
                break;
            default:
                throw PortApiError.Invalid($"{mappingPath}/team must be a string or an array of strings");
        }

        if (mapping.ContainsKey("properties"))
        {
            JsonChecks.Object(mapping["properties"], $"{mappingPath}/properties");
        }

        if (mapping.ContainsKey("relations"))
        {
            foreach (var (name, value) in JsonChecks.Object(mapping["relations"], $"{mappingPath}/relations"))
            {
                switch (value)
                {
                    case null:
                    case JsonValue one when one.GetValueKind() == JsonValueKind.String:
                        break;
                    case JsonArray many:
                        JsonChecks.StringArray(many, $"{mappingPath}/relations/{name}");
                        break;
                    default:
                        throw PortApiError.Invalid($"{mappingPath}/relations/{name} must be a string, an array of strings or null");
                }
            }
        }
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Emulators.Port.Http;
using Emulators.Port.Validation;

namespace Emulators.Port.Webhooks;

/// <summary>
/// A mapping's <c>operation</c>, in the spec's four forms: <c>"create"</c>, <c>{type:"create"}</c>,
/// <c>"delete"</c>, <c>{type:"delete", deleteDependents}</c>. Absent means create. There is no update:
/// create upserts.
/// </summary>
internal sealed record MappingOperation(bool IsDelete, bool DeleteDependents)
{
    public static MappingOperation Read(JsonNode? node, string path)
    {
        switch (node)
        {
            case null:
                return new(false, false);
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return value.GetValue<string>() switch
                {
                    "create" => new(false, false),
                    "delete" => new(true, false),
                    var other => throw PortApiError.Invalid($"{path} must be 'create' or 'delete', got '{other}'"),
                };
            case JsonObject obj:
                JsonChecks.Require(obj, path, "type");
                var type = JsonChecks.String(obj, "type", path);
                if (type == "create")
                {
                    JsonChecks.AllowOnly(obj, path, "type");
                    return new(false, false);
                }

                if (type != "delete")
                {
                    throw PortApiError.Invalid($"{path}/type must be 'create' or 'delete', got '{type}'");
                }

                JsonChecks.AllowOnly(obj, path, "type", "deleteDependents");
                JsonChecks.Boolean(obj, "deleteDependents", path);
                return new(true, obj["deleteDependents"]?.GetValue<bool>() == true);
            default:
                throw PortApiError.Invalid($"{path} must be 'create', 'delete' or an object {{type}}");
        }
    }
}

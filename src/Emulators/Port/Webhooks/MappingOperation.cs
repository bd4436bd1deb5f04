using System.Text.Json;
using System.Text.Json.Nodes;
using Emulators.Port.Http;
using Emulators.Port.Validation;
using Emulators.Unknowns;

namespace Emulators.Port.Webhooks;

/// <summary>
/// A mapping's <c>operation</c>: <c>{type:"create"}</c> or <c>{type:"delete", deleteDependents}</c>, and the
/// bare strings <c>"create"</c>/<c>"delete"</c> unless <see cref="MappingOperationString.Refused"/>. Port's
/// OpenAPI (<c>/v1/webhooks</c>, <c>mappings.items.properties.operation</c>) gives four alternatives, all
/// <c>"type": "object"</c>, two of them with <c>enum: ["create"]</c> / <c>["delete"]</c>, so a schema validator
/// passes only the objects, while Port's webhook docs show the string: which Port does is an unknown
/// (docs/unknowns.md). Absent means create. There is no update: create upserts.
/// </summary>
internal sealed record MappingOperation(bool IsDelete, bool DeleteDependents)
{
    public static MappingOperation Read(JsonNode? node, string path, MappingOperationString operationString)
    {
        switch (node)
        {
            case null:
                return new(false, false);
            case JsonValue value when value.GetValueKind() == JsonValueKind.String && operationString == MappingOperationString.Refused:
                throw PortApiError.Invalid($"{path} must be an object {{\"type\": \"create\"|\"delete\"}}: Port's OpenAPI types every form of operation as an object");
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

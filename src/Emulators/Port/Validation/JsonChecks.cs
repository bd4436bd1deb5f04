using System.Text.Json;
using System.Text.Json.Nodes;
using Emulators.Port.Http;

namespace Emulators.Port.Validation;

/// <summary>
/// Small schema checks that answer 422 <c>invalid_request</c> with the JSON path at fault, used for the
/// request bodies the spec declares strict (<c>additionalProperties:false</c>).
/// </summary>
internal static class JsonChecks
{
    public static JsonObject Object(JsonNode? node, string path)
        => node as JsonObject ?? throw PortApiError.Invalid($"{path} must be an object");

    public static void AllowOnly(JsonObject obj, string path, params string[] allowed)
    {
        foreach (var (key, _) in obj)
        {
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                throw PortApiError.Invalid($"{path} must NOT have additional property '{key}' (allowed: {string.Join(", ", allowed)})");
            }
        }
    }

    public static void Require(JsonObject obj, string path, params string[] required)
    {
        foreach (var key in required)
        {
            if (!obj.ContainsKey(key))
            {
                throw PortApiError.Invalid($"{path} must have required property '{key}'");
            }
        }
    }

    public static string String(JsonObject obj, string key, string path)
        => OptionalString(obj, key, path) ?? throw PortApiError.Invalid($"{path} must have required property '{key}'");

    public static string? OptionalString(JsonObject obj, string key, string path)
    {
        if (!obj.TryGetPropertyValue(key, out var node) || node is null)
        {
            return null;
        }

        return node.GetValueKind() == JsonValueKind.String
            ? node.GetValue<string>()
            : throw PortApiError.Invalid($"{path}/{key} must be a string");
    }

    public static void MaxLength(JsonObject obj, string key, string path, int max, int min = 0)
    {
        var value = OptionalString(obj, key, path);
        if (value is not null && (value.Length > max || value.Length < min))
        {
            throw PortApiError.Invalid($"{path}/{key} must be {min} to {max} characters long");
        }
    }

    public static void Boolean(JsonObject obj, string key, string path)
    {
        if (obj.TryGetPropertyValue(key, out var node) && node?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw PortApiError.Invalid($"{path}/{key} must be a boolean");
        }
    }

    public static void BooleanOrString(JsonObject obj, string key, string path)
    {
        if (obj.TryGetPropertyValue(key, out var node)
            && node?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False or JsonValueKind.String))
        {
            throw PortApiError.Invalid($"{path}/{key} must be a boolean or a jq string");
        }
    }

    public static void OneOf(JsonObject obj, string key, string path, params string[] values)
    {
        var value = OptionalString(obj, key, path);
        if (value is not null && !values.Contains(value, StringComparer.Ordinal))
        {
            throw PortApiError.Invalid($"{path}/{key} must be one of {string.Join(", ", values)}, got '{value}'");
        }
    }

    public static void ObjectOrArray(JsonObject obj, string key, string path)
    {
        if (obj.TryGetPropertyValue(key, out var node) && node is not (JsonObject or JsonArray))
        {
            throw PortApiError.Invalid($"{path}/{key} must be an object or an array");
        }
    }

    public static JsonArray? OptionalArray(JsonObject obj, string key, string path)
    {
        if (!obj.TryGetPropertyValue(key, out var node))
        {
            return null;
        }

        return node as JsonArray ?? throw PortApiError.Invalid($"{path}/{key} must be an array");
    }

    public static IReadOnlyList<string> StringArray(JsonArray array, string path)
        => [.. array.Select((item, i) => item?.GetValueKind() == JsonValueKind.String
            ? item.GetValue<string>()
            : throw PortApiError.Invalid($"{path}/{i} must be a string"))];

    /// <summary>Fields the server owns; clients echo them back on PUT (the Terraform provider does).</summary>
    public static readonly string[] MetaFields = ["createdAt", "createdBy", "updatedAt", "updatedBy"];
}

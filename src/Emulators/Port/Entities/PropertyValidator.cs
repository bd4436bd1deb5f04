using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Emulators.Jq;
using Emulators.Port.Http;

namespace Emulators.Port.Entities;

/// <summary>Checks one entity property value against its blueprint schema definition (422 <c>blueprint_schema_mismatch</c>).</summary>
internal static class PropertyValidator
{
    public static void Check(string blueprint, string key, JsonObject definition, JsonNode? value)
    {
        if (value is null)
        {
            return;
        }

        var type = definition["type"]?.GetValue<string>() ?? "string";
        CheckType(blueprint, key, type, value);
        if (definition["enum"] is JsonArray allowed && !allowed.Any(option => JsonValues.AreEqual(option, value)))
        {
            throw Mismatch(blueprint, key, $"must be one of {allowed.ToJsonString()}, got {value.ToJsonString()}");
        }

        if (type == "string")
        {
            CheckString(blueprint, key, definition, value.GetValue<string>());
        }
        else if (type == "number")
        {
            CheckNumber(blueprint, key, definition, value.GetValue<double>());
        }
        else if (type == "array" && definition["items"] is JsonObject items)
        {
            var array = (JsonArray)value;
            for (var i = 0; i < array.Count; i++)
            {
                Check(blueprint, $"{key}[{i}]", items, array[i]);
            }
        }
    }

    private static void CheckType(string blueprint, string key, string type, JsonNode value)
    {
        var kind = value.GetValueKind();
        var matches = type switch
        {
            "string" => kind == JsonValueKind.String,
            "number" => kind == JsonValueKind.Number,
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "object" => kind == JsonValueKind.Object,
            "array" => kind == JsonValueKind.Array,
            _ => true,
        };
        if (!matches)
        {
            throw Mismatch(blueprint, key, $"must be of type {type}, got {JsonValues.TypeName(value)}");
        }
    }

    private static void CheckString(string blueprint, string key, JsonObject definition, string text)
    {
        var format = definition["format"]?.GetValue<string>();
        var valid = format switch
        {
            "url" => Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps),
            "date-time" => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _),
            "email" or "idn-email" => text.IndexOf('@', StringComparison.Ordinal) is > 0 && !text.EndsWith('@'),
            "ipv4" => System.Net.IPAddress.TryParse(text, out var v4) && v4.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork,
            "ipv6" => System.Net.IPAddress.TryParse(text, out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6,
            "timer" => Timers.TimerValue.TryParse(text, out _),
            _ => true,
        };
        if (!valid)
        {
            throw Mismatch(blueprint, key, $"must match format \"{format}\" (got '{text}')" + (format == "timer" ? $": {Timers.TimerValue.Expected}" : string.Empty));
        }

        if (definition["minLength"] is JsonValue min && text.Length < min.GetValue<double>()
            || definition["maxLength"] is JsonValue max && text.Length > max.GetValue<double>())
        {
            throw Mismatch(blueprint, key, "has a length outside the schema's minLength/maxLength");
        }

        if (definition["pattern"] is JsonValue pattern && !Regex.IsMatch(text, pattern.GetValue<string>(), RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            throw Mismatch(blueprint, key, $"must match pattern {pattern.GetValue<string>()}");
        }
    }

    private static void CheckNumber(string blueprint, string key, JsonObject definition, double number)
    {
        if (definition["minimum"] is JsonValue min && number < min.GetValue<double>()
            || definition["maximum"] is JsonValue max && number > max.GetValue<double>())
        {
            throw Mismatch(blueprint, key, "is outside the schema's minimum/maximum");
        }
    }

    private static PortApiError Mismatch(string blueprint, string key, string problem)
        => PortApiError.SchemaMismatch($"The provided entity does not match the blueprint's schema: property '{key}' of blueprint '{blueprint}' {problem}");
}

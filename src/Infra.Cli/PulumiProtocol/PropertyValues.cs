using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using Infra.Sdk;

namespace Infra.Cli.PulumiProtocol;

/// <summary>
/// Converts between plain JSON and the engine's <c>google.protobuf.Struct</c> property values: numbers
/// travel as doubles, null object members are left out (as Pulumi's SDKs do), a secret is an object
/// carrying the secret signature and its <c>value</c>, an unknown is the fixed unknown string. A special
/// input's key may be a dotted path into an object input (<c>security.secret</c>): the secret then sits
/// at that place inside the object, as an SDK nests an <c>Output.CreateSecret</c> in an input object.
/// </summary>
internal static class PropertyValues
{
    public static Struct ToStruct(JsonObject inputs, IReadOnlyDictionary<string, SpecialInput>? special = null)
    {
        var result = new Struct();
        foreach (var (key, node) in inputs)
        {
            if (node is not null && special?.ContainsKey(key) != true)
            {
                result.Fields[key] = ToValue(node);
            }
        }

        foreach (var (key, input) in special ?? new Dictionary<string, SpecialInput>())
        {
            var path = key.Split('.');
            var holder = result;
            foreach (var name in path.SkipLast(1))
            {
                if (!holder.Fields.TryGetValue(name, out var next) || next.KindCase != Value.KindOneofCase.StructValue)
                {
                    next = Value.ForStruct(new Struct());
                    holder.Fields[name] = next;
                }

                holder = next.StructValue;
            }

            holder.Fields[path[^1]] = ToValue(input);
        }

        return result;
    }

    public static Value ToValue(SpecialInput input)
    {
        var inner = input.Value is { } secret ? Value.ForString(secret.Reveal()) : Value.ForString(PropertySignatures.Unknown);
        if (!input.IsSecret)
        {
            return inner;
        }

        var envelope = new Struct();
        envelope.Fields[PropertySignatures.SpecialKey] = Value.ForString(PropertySignatures.Secret);
        envelope.Fields["value"] = inner;
        return Value.ForStruct(envelope);
    }

    public static Value ToValue(JsonNode? node) => node switch
    {
        null => Value.ForNull(),
        JsonObject obj => Value.ForStruct(ToStruct(obj)),
        JsonArray array => Value.ForList([.. array.Select(ToValue)]),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => Value.ForString(value.GetValue<string>()),
            JsonValueKind.True => Value.ForBool(true),
            JsonValueKind.False => Value.ForBool(false),
            // Read through the text: a value built in code may hold an int, which GetValue<double> refuses.
            JsonValueKind.Number => Value.ForNumber(double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture)),
            JsonValueKind.Null => Value.ForNull(),
            var kind => throw new ArgumentException($"a JSON {kind} cannot be sent as a property value"),
        },
        _ => throw new ArgumentException($"unexpected JSON node {node.GetType().Name}"),
    };

    /// <summary>Reads an engine answer. Secrets come back as <c>[secret]</c>, never in clear; unknowns as null.</summary>
    public static JsonObject FromStruct(Struct? value)
    {
        var result = new JsonObject();
        if (value is null)
        {
            return result;
        }

        foreach (var (key, field) in value.Fields)
        {
            result[key] = FromValue(field);
        }

        return result;
    }

    public static JsonNode? FromValue(Value value) => value.KindCase switch
    {
        Value.KindOneofCase.StringValue => PropertySignatures.EngineUnknowns.Contains(value.StringValue) ? null : JsonValue.Create(value.StringValue),
        Value.KindOneofCase.BoolValue => JsonValue.Create(value.BoolValue),
        Value.KindOneofCase.NumberValue => JsonValue.Create(value.NumberValue),
        Value.KindOneofCase.ListValue => new JsonArray([.. value.ListValue.Values.Select(FromValue)]),
        Value.KindOneofCase.StructValue when IsSecret(value.StructValue) => JsonValue.Create(Secret.Mask),
        Value.KindOneofCase.StructValue => FromStruct(value.StructValue),
        _ => null,
    };

    private static bool IsSecret(Struct value)
        => value.Fields.TryGetValue(PropertySignatures.SpecialKey, out var signature) && signature.StringValue == PropertySignatures.Secret;
}

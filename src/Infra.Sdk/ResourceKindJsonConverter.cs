using System.Text.Json;
using System.Text.Json.Serialization;

namespace Infra.Sdk;

/// <summary>Writes a kind as its name (what the state file has always held) and reads it back to the one descriptor.</summary>
public sealed class ResourceKindJsonConverter : JsonConverter<ResourceKind>
{
    public override ResourceKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var name = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return (name is null ? null : ResourceKind.Named(name))
            ?? throw new JsonException($"unknown resource kind {(name is null ? reader.TokenType.ToString() : "'" + name + "'")}");
    }

    public override void Write(Utf8JsonWriter writer, ResourceKind value, JsonSerializerOptions options) => writer.WriteStringValue(value.Name);
}

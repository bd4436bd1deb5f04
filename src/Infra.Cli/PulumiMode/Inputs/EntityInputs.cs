using System.Text.Json;
using System.Text.Json.Nodes;
using Infra.Sdk;

namespace Infra.Cli.PulumiMode.Inputs;

/// <summary>
/// Port's entity body → inputs of <c>port:index/entity:Entity</c>. Each property goes to the group of its
/// JSON type: strings to <c>stringProps</c>, numbers to <c>numberProps</c>, booleans to <c>booleanProps</c>,
/// objects to <c>objectProps</c> as JSON text, arrays to <c>arrayProps.&lt;kind&gt;Items</c> (an empty array
/// counts as a string array, the only array type the blueprint declares). Relations as the provider reads
/// them back: a string to <c>singleRelations</c>, a list of strings to <c>manyRelations</c>, null dropped.
/// <c>team</c> (one team or a list) to <c>teams</c>, no team left unset.
/// </summary>
public sealed class EntityInputs : IProviderInputsRenderer
{
    public JsonObject Render(JsonObject body, ResourceAddress address)
    {
        var where = $"entity '{InputShapes.Text(body["identifier"])}'";
        var inputs = new JsonObject { ["blueprint"] = address.Blueprint ?? throw new NotSupportedException($"{address}: an entity address names its blueprint") };
        InputShapes.Copy(body, inputs, "identifier", "title", "icon");

        // title is required by the provider's schema; an entity without one (a kept live entity) reads back as "".
        inputs["title"] ??= "";
        switch (body["team"])
        {
            // Port answers "no team" as []; the provider's teams is optional, so none is left unset rather than [].
            case null or JsonArray { Count: 0 }:
                break;
            case JsonValue team when team.GetValueKind() == JsonValueKind.String:
                inputs["teams"] = new JsonArray(team.GetValue<string>());
                break;
            case JsonArray teams when teams.All(t => t?.GetValueKind() == JsonValueKind.String):
                inputs["teams"] = teams.DeepClone();
                break;
            case var other:
                throw new NotSupportedException($"{where}: team {other.ToJsonString()} is neither a team nor a list of teams");
        }

        if (Relations(body["relations"] as JsonObject, where) is { } relations)
        {
            inputs["relations"] = relations;
        }

        var properties = new JsonObject();
        foreach (var (name, value) in (body["properties"] as JsonObject ?? []).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            switch (value)
            {
                case null:
                    break;
                case JsonArray array:
                    var items = ItemsGroup(array, where + $" property '{name}'");
                    if (properties["arrayProps"] is not JsonObject arrays)
                    {
                        arrays = [];
                        properties["arrayProps"] = arrays;
                    }

                    InputShapes.AddToGroup(arrays, items, name, items == "objectItems"
                        ? new JsonArray([.. array.Select(o => (JsonNode?)JsonValue.Create(o?.ToJsonString()))])
                        : array.DeepClone());
                    break;
                case JsonObject obj:
                    InputShapes.AddToGroup(properties, "objectProps", name, JsonValue.Create(obj.ToJsonString())!);
                    break;
                default:
                    var group = value.GetValueKind() switch
                    {
                        JsonValueKind.String => "stringProps",
                        JsonValueKind.Number => "numberProps",
                        JsonValueKind.True or JsonValueKind.False => "booleanProps",
                        var kind => throw new NotSupportedException($"{where}: property '{name}' is a JSON {kind}"),
                    };
                    InputShapes.AddToGroup(properties, group, name, value.DeepClone());
                    break;
            }
        }

        if (properties.Count > 0)
        {
            inputs["properties"] = properties;
        }

        return inputs;
    }

    /// <summary>A scalar property (<c>properties.renew_at</c>) lands in the group of its JSON type (<c>properties.stringProps.renew_at</c>).</summary>
    public IReadOnlyList<string>? InputPath(JsonObject body, IReadOnlyList<string> path)
    {
        if (path is not ["properties", var name])
        {
            return path is ["identifier"] or ["title"] or ["icon"] ? path : null;
        }

        var group = (body["properties"] as JsonObject)?[name]?.GetValueKind() switch
        {
            JsonValueKind.String => "stringProps",
            JsonValueKind.Number => "numberProps",
            JsonValueKind.True or JsonValueKind.False => "booleanProps",
            _ => null,
        };
        return group is null ? null : ["properties", group, name];
    }

    private static string ItemsGroup(JsonArray array, string where)
    {
        var kinds = array.Select(item => item switch
        {
            JsonObject => "objectItems",
            JsonValue v when v.GetValueKind() == JsonValueKind.String => "stringItems",
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => "numberItems",
            JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => "booleanItems",
            _ => throw new NotSupportedException($"{where}: array item {item?.ToJsonString() ?? "null"} has no provider input shape"),
        }).Distinct().ToList();
        return kinds.Count switch
        {
            0 => "stringItems",
            1 => kinds[0],
            _ => throw new NotSupportedException($"{where}: an array mixing {string.Join(" and ", kinds)} has no provider input shape"),
        };
    }
    private static JsonObject? Relations(JsonObject? relations, string where)
    {
        var single = new JsonObject();
        var many = new JsonObject();
        foreach (var (name, value) in (relations ?? []).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            switch (value)
            {
                case null:
                    break;
                case JsonValue text when text.GetValueKind() == JsonValueKind.String:
                    single[name] = text.GetValue<string>();
                    break;
                case JsonArray list when list.All(i => i?.GetValueKind() == JsonValueKind.String):
                    many[name] = list.DeepClone();
                    break;
                default:
                    throw new NotSupportedException($"{where}: relation '{name}' is neither an identifier nor a list of identifiers");
            }
        }

        var result = new JsonObject();
        if (single.Count > 0)
        {
            result["singleRelations"] = single;
        }

        if (many.Count > 0)
        {
            result["manyRelations"] = many;
        }

        return result.Count > 0 ? result : null;
    }
}

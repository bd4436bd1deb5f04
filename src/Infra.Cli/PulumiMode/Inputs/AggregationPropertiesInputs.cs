using System.Text.Json.Nodes;
using Infra.Sdk;

namespace Infra.Cli.PulumiMode.Inputs;

/// <summary>
/// A blueprint's aggregation properties → inputs of <c>port:index/aggregationProperties:AggregationProperties</c>
/// (Port's Terraform provider, <c>port/aggregation-properties/readStateToPortBody.go</c> at v2.21.10, maps them
/// back): <c>blueprintIdentifier</c>, and per property <c>title</c>, <c>icon</c>, <c>description</c>,
/// <c>targetBlueprintIdentifier</c> (Port's <c>target</c>), <c>method</c> from <c>calculationSpec</c>
/// (<c>countEntities</c>, <c>averageEntities</c>, <c>averageByProperty</c>, <c>aggregateByProperty</c>),
/// <c>query</c> as JSON text (written as Go writes it, as the provider reads it back) and <c>pathFilters</c>
/// (<c>paths</c>, <c>fromBlueprint</c>). <c>type</c> has no input: the provider sends none and Port's
/// aggregations are numbers.
/// </summary>
public sealed class AggregationPropertiesInputs : IProviderInputsRenderer
{
    private static readonly string[] Known = ["title", "icon", "description", "type", "target", "calculationSpec", "query", "pathFilter"];

    public JsonObject Render(JsonObject body, ResourceAddress address)
    {
        var blueprint = InputShapes.Text(body["blueprintIdentifier"]) ?? throw new NotSupportedException("aggregation properties: the body names no blueprintIdentifier");
        var where = $"aggregation properties of blueprint '{blueprint}'";
        var properties = new JsonObject();
        foreach (var (name, node) in (body["aggregationProperties"] as JsonObject ?? []).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var property = node as JsonObject ?? throw new NotSupportedException($"{where}: '{name}' is not an object");
            var at = $"{where}: '{name}'";
            if (property.Select(m => m.Key).FirstOrDefault(m => !Known.Contains(m)) is { } other)
            {
                throw new NotSupportedException($"{at}: '{other}' has no provider input");
            }

            if (InputShapes.Text(property["type"]) is { } type && type != "number")
            {
                throw new NotSupportedException($"{at}: type '{type}' has no provider input (aggregations are numbers)");
            }

            var inputs = new JsonObject();
            InputShapes.Copy(property, inputs, "title", "icon", "description");
            inputs["targetBlueprintIdentifier"] = InputShapes.Text(property["target"]) ?? throw new NotSupportedException($"{at}: no target");
            inputs["method"] = Method(property["calculationSpec"] as JsonObject ?? throw new NotSupportedException($"{at}: no calculationSpec"), at);
            if (property["query"] is JsonObject query)
            {
                inputs["query"] = GoJson.Write(query);
            }

            if (property["pathFilter"] is JsonArray { Count: > 0 } filters)
            {
                inputs["pathFilters"] = new JsonArray([.. filters.Select(f => (JsonNode)PathFilter(f as JsonObject, at))]);
            }

            properties[name] = inputs;
        }

        return new JsonObject { ["blueprintIdentifier"] = blueprint, ["properties"] = properties };
    }

    private static JsonObject Method(JsonObject spec, string where)
    {
        var by = InputShapes.Text(spec["calculationBy"]);
        var func = InputShapes.Text(spec["func"]);
        return (by, func) switch
        {
            ("entities", "count") => new JsonObject { ["countEntities"] = true },
            ("entities", "average") => new JsonObject { ["averageEntities"] = Copied(spec, "averageOf", "measureTimeBy") },
            ("property", "average") => new JsonObject { ["averageByProperty"] = Copied(spec, "averageOf", "measureTimeBy", "property") },
            ("property", _) when func is not null => new JsonObject { ["aggregateByProperty"] = Copied(spec, "func", "property") },
            _ => throw new NotSupportedException($"{where}: calculationSpec {spec.ToJsonString()} has no provider method"),
        };
    }

    private static JsonObject PathFilter(JsonObject? filter, string where)
    {
        if (filter?["path"] is not JsonArray path)
        {
            throw new NotSupportedException($"{where}: a pathFilter without a path");
        }

        var inputs = new JsonObject { ["paths"] = path.DeepClone() };
        InputShapes.Copy(filter, inputs, "fromBlueprint");
        return inputs;
    }

    private static JsonObject Copied(JsonObject from, params string[] names)
    {
        var copy = new JsonObject();
        InputShapes.Copy(from, copy, names);
        return copy;
    }
}

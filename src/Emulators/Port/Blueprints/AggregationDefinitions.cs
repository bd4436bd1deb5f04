using System.Text.Json;
using System.Text.Json.Nodes;
using Emulators.Port.Entities;
using Emulators.Port.Http;
using Emulators.Port.Validation;

namespace Emulators.Port.Blueprints;

/// <summary>
/// A blueprint's <c>aggregationProperties</c>, checked against the OpenAPI's schema (closed objects; required
/// <c>title</c>, <c>target</c>, <c>calculationSpec</c>; <c>type</c> only <c>number</c>; the four shapes of
/// <c>calculationSpec</c>; <c>query</c> a search query; at most one <c>pathFilter</c>) and against port-docs
/// <c>setup-blueprint/properties/aggregation-property.md</c>: the target is "related in any way to the current
/// blueprint (directly, indirectly, upstream or downstream)", a calculation by property needs a number
/// property, <c>measureTimeBy</c> is a date property or <c>$createdAt</c>/<c>$updatedAt</c>, a path filter's
/// <c>fromBlueprint</c> "can be the target blueprint or omitted". How Port answers a definition that breaks
/// these is not published: the emulator answers 422 <c>invalid_request</c> naming the path, and 404 for a target
/// blueprint that does not exist (as for a relation).
/// </summary>
internal static class AggregationDefinitions
{
    public static readonly IReadOnlyList<string> Periods = ["hour", "day", "week", "month", "total"];

    private static readonly string[] Fields = ["title", "description", "icon", "type", "target", "calculationSpec", "query", "pathFilter"];

    public static void Validate(JsonObject aggregations, BlueprintCatalogue catalogue)
    {
        foreach (var (key, value) in aggregations)
        {
            var path = $"body/aggregationProperties/{key}";
            var aggregation = (JsonObject)value!;
            JsonChecks.AllowOnly(aggregation, path, Fields);
            JsonChecks.Require(aggregation, path, "title", "target", "calculationSpec");
            JsonChecks.MaxLength(aggregation, "title", path, Identifiers.TitleMax);
            JsonChecks.OptionalString(aggregation, "description", path);
            JsonChecks.OptionalString(aggregation, "icon", path);
            JsonChecks.OneOf(aggregation, "type", path, "number");
            aggregation["type"] ??= "number";
            var target = JsonChecks.String(aggregation, "target", path);
            var targetDefinition = catalogue.Find(target) ?? throw RelationDefinitions.MissingBlueprint(target);
            if (!catalogue.Related(catalogue.Writing, target))
            {
                throw PortApiError.Invalid($"{path}/target: blueprint '{target}' is not related to blueprint '{catalogue.Writing}'");
            }

            CalculationSpec(JsonChecks.Object(aggregation["calculationSpec"], $"{path}/calculationSpec"), targetDefinition, $"{path}/calculationSpec");
            if (aggregation["query"] is { } query)
            {
                EntityQuery.Compile(query, $"{path}/query", TimeProvider.System);
            }

            if (JsonChecks.OptionalArray(aggregation, "pathFilter", path) is { } filters)
            {
                PathFilter(filters, catalogue, target, $"{path}/pathFilter");
            }
        }
    }

    private static void CalculationSpec(JsonObject spec, JsonObject target, string path)
    {
        JsonChecks.OneOf(spec, "calculationBy", path, "entities", "property");
        var byEntities = JsonChecks.String(spec, "calculationBy", path) == "entities";
        var func = JsonChecks.String(spec, "func", path);
        if (byEntities)
        {
            JsonChecks.OneOf(spec, "func", path, "count", "average");
            JsonChecks.AllowOnly(spec, path, func == "count" ? ["func", "calculationBy"] : ["func", "calculationBy", "averageOf", "measureTimeBy"]);
        }
        else
        {
            JsonChecks.OneOf(spec, "func", path, "sum", "min", "max", "median", "average");
            JsonChecks.AllowOnly(spec, path, func == "average" ? ["func", "property", "calculationBy", "averageOf", "measureTimeBy"] : ["func", "property", "calculationBy"]);
            var property = JsonChecks.String(spec, "property", path);
            if (BlueprintCatalogue.Properties(target)[property]?["type"]?.GetValue<string>() != "number")
            {
                throw PortApiError.Invalid($"{path}/property: '{property}' is not a number property of blueprint '{target["identifier"]}'");
            }
        }

        if (func == "average")
        {
            JsonChecks.Require(spec, path, "averageOf");
            JsonChecks.OneOf(spec, "averageOf", path, [.. Periods]);
            if (JsonChecks.OptionalString(spec, "measureTimeBy", path) is { } measure && measure is not ("$createdAt" or "$updatedAt")
                && BlueprintCatalogue.Properties(target)[measure]?["format"]?.GetValue<string>() != "date-time")
            {
                throw PortApiError.Invalid($"{path}/measureTimeBy: '{measure}' is not a date-time property of blueprint '{target["identifier"]}'");
            }
        }
    }

    private static void PathFilter(JsonArray filters, BlueprintCatalogue catalogue, string target, string path)
    {
        if (filters.Count > 1)
        {
            throw PortApiError.Invalid($"{path} must hold at most 1 item");
        }

        foreach (var node in filters)
        {
            var filter = JsonChecks.Object(node, $"{path}/0");
            JsonChecks.AllowOnly(filter, $"{path}/0", "path", "fromBlueprint");
            var relations = JsonChecks.StringArray(
                JsonChecks.OptionalArray(filter, "path", $"{path}/0") ?? throw PortApiError.Invalid($"{path}/0 must have required property 'path'"),
                $"{path}/0/path");
            if (relations.Count == 0)
            {
                throw PortApiError.Invalid($"{path}/0/path must hold at least 1 item");
            }

            var from = JsonChecks.OptionalString(filter, "fromBlueprint", $"{path}/0");
            if (from is not null && from != target)
            {
                throw PortApiError.Invalid($"{path}/0/fromBlueprint must be the target blueprint '{target}' or omitted");
            }

            // Forwards from this blueprint to the target, or (fromBlueprint) forwards from the target to this blueprint.
            var (start, end) = from is null ? (catalogue.Writing, target) : (target, catalogue.Writing);
            var current = start;
            foreach (var relation in relations)
            {
                var definition = catalogue.Find(current) ?? throw RelationDefinitions.MissingBlueprint(current);
                current = RelationDefinitions.Of(definition, relation)?.Target
                    ?? throw PortApiError.Invalid($"{path}/0/path: '{relation}' is not a relation of blueprint '{current}'");
            }

            if (current != end)
            {
                throw PortApiError.Invalid($"{path}/0/path leads from '{start}' to '{current}', not to '{end}'");
            }
        }
    }
}

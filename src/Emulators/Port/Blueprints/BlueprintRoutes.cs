using System.Text.Json.Nodes;
using Emulators.Port.Http;
using Microsoft.AspNetCore.Builder;

namespace Emulators.Port.Blueprints;

/// <summary>Blueprint routes: create, read, list, PUT (replace), PATCH (merge), DELETE.</summary>
internal sealed class BlueprintRoutes(PortContext context)
{
    private Organisation Organisation => context.Organisation;

    public void Map(WebApplication app, PortPipeline pipeline)
    {
        pipeline.Map(app, "GET", "/v1/blueprints", List);
        pipeline.Map(app, "POST", "/v1/blueprints", Create);
        pipeline.Map(app, "GET", "/v1/blueprints/{identifier}", Get);
        pipeline.Map(app, "PUT", "/v1/blueprints/{identifier}", Replace);
        pipeline.Map(app, "PATCH", "/v1/blueprints/{identifier}", Patch);
        pipeline.Map(app, "DELETE", "/v1/blueprints/{identifier}", Delete);
    }

    private ApiResult List(PortRequest request)
    {
        lock (Organisation.Gate)
        {
            return ApiResult.Ok("blueprints", new JsonArray([.. Organisation.Blueprints.Values.Select(b => b.Definition.DeepClone())]));
        }
    }

    /// <remarks><c>create_catalog_page</c> is accepted and ignored: the emulator has no UI.</remarks>
    private ApiResult Create(PortRequest request)
    {
        var body = request.ObjectBody();
        JsonObject definition;
        lock (Organisation.Gate)
        {
            definition = BlueprintValidator.Validate(body, Organisation.Blueprints, context.Options.Relations, creating: true);
            var identifier = definition["identifier"]!.GetValue<string>();
            if (Organisation.Blueprints.ContainsKey(identifier))
            {
                throw PortApiError.Taken($"Blueprint '{identifier}' already exists; identifiers must be unique");
            }

            Organisation.Stamp(definition, null);
            Organisation.Blueprints[identifier] = new BlueprintRecord(definition);
            definition = (JsonObject)definition.DeepClone();
        }

        context.Changed();
        return new ApiResult(201, new JsonObject { ["blueprint"] = definition });
    }

    private ApiResult Get(PortRequest request)
    {
        lock (Organisation.Gate)
        {
            return ApiResult.Ok("blueprint", Find(request).Definition.DeepClone());
        }
    }

    private ApiResult Replace(PortRequest request)
    {
        var body = (JsonObject)request.ObjectBody().DeepClone();
        var identifier = request.Route("identifier");
        if (body["identifier"] is { } given && given.GetValue<string>() != identifier)
        {
            throw PortApiError.Invalid($"body/identifier '{given}' does not match the blueprint '{identifier}' in the URL");
        }

        body["identifier"] = identifier;
        return Store(request, existing => body);
    }

    private ApiResult Patch(PortRequest request)
    {
        var patch = request.ObjectBody();
        return Store(request, existing =>
        {
            var merged = BlueprintValidator.Merge(existing.Definition, patch);
            merged["identifier"] = existing.Definition["identifier"]!.DeepClone();
            return merged;
        });
    }

    private ApiResult Store(PortRequest request, Func<BlueprintRecord, JsonObject> build)
    {
        JsonObject definition;
        lock (Organisation.Gate)
        {
            var existing = Find(request);
            definition = BlueprintValidator.Validate(build(existing), Organisation.Blueprints, context.Options.Relations, creating: false);
            BlueprintValidator.CheckTypeChanges(existing, definition);
            Organisation.Stamp(definition, existing.Definition);
            existing.Definition = definition;
            definition = (JsonObject)definition.DeepClone();
        }

        context.Changed();
        return ApiResult.Ok("blueprint", definition);
    }

    /// <remarks>
    /// A blueprint that still has entities answers 403 <c>has_dependents</c>: Port documents exactly that
    /// status/code pair for an entity with dependents, and clients (the Terraform provider) only look for
    /// the <c>has_dependents</c> code, so the same pair keeps one meaning across the API.
    /// </remarks>
    private ApiResult Delete(PortRequest request)
    {
        lock (Organisation.Gate)
        {
            var record = Find(request);
            var identifier = request.Route("identifier");
            if (record.Entities.Count > 0)
            {
                throw new PortApiError(403, "has_dependents",
                    $"Blueprint '{identifier}' has {record.Entities.Count} entities; delete them first (or use DELETE /v1/blueprints/{identifier}/all-entities?delete_blueprint=true)");
            }

            if (context.Options.Relations.RefuseDeletingReferencedBlueprint && BlueprintReferences.Find(Organisation.Blueprints, identifier) is { } reference)
            {
                throw new PortApiError(403, "has_dependents", $"Blueprint '{identifier}' is still used by {reference}; remove that first");
            }

            Organisation.Blueprints.Remove(identifier);
            if (request.Flag("delete_actions"))
            {
                var owned = Organisation.Actions
                    .Where(a => a.Value["trigger"]?["blueprintIdentifier"]?.GetValue<string>() == identifier)
                    .Select(a => a.Key)
                    .ToList();
                owned.ForEach(key => Organisation.Actions.Remove(key));
            }
        }

        context.Changed();
        return ApiResult.Ok();
    }

    private BlueprintRecord Find(PortRequest request)
    {
        var identifier = request.Route("identifier");
        return Organisation.Blueprints.TryGetValue(identifier, out var record)
            ? record
            : throw PortApiError.NotFound($"Blueprint '{identifier}' was not found");
    }
}

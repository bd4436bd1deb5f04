using System.Globalization;
using System.Text.Json.Nodes;
using Emulators.Port.Blueprints;
using Emulators.Port.Entities.Calculated;
using Emulators.Port.Http;
using Emulators.Port.Users;
using Emulators.Port.Validation;
using Microsoft.AspNetCore.Builder;

namespace Emulators.Port.Entities;

/// <summary>Entity routes: single and bulk writes, reads, deletes (with dependents) and both searches.</summary>
internal sealed class EntityRoutes(PortContext context)
{
    private const int BulkMax = 20;
    private const int BulkDeleteMax = 100;
    private const int SearchDefaultLimit = 200;
    private const int SearchMaxLimit = 1000;

    private readonly AggregationCache _aggregations = new();

    private Organisation Organisation => context.Organisation;

    private RelationBehaviour Relations => context.Options.Relations;

    public void Map(WebApplication app, PortPipeline pipeline)
    {
        const string one = "/v1/blueprints/{blueprint}/entities/{identifier}";
        pipeline.Map(app, "POST", "/v1/blueprints/{blueprint}/entities", Create);
        pipeline.Map(app, "POST", "/v1/blueprints/{blueprint}/entities/bulk", Bulk);
        pipeline.Map(app, "GET", "/v1/blueprints/{blueprint}/entities", List);
        pipeline.Map(app, "GET", "/v1/blueprints/{blueprint}/entities-count", CountEntities);
        pipeline.Map(app, "GET", one, Get);
        pipeline.Map(app, "PUT", one, request => WriteExisting(request, EntityWriteMode.Replace, strict: false));
        pipeline.Map(app, "PATCH", one, request => WriteExisting(request, EntityWriteMode.Merge, strict: true));
        pipeline.Map(app, "DELETE", one, Delete);
        pipeline.Map(app, "POST", "/v1/blueprints/{blueprint}/bulk/entities/delete", BulkDelete);
        pipeline.Map(app, "DELETE", "/v1/blueprints/{blueprint}/all-entities", DeleteAll);
        pipeline.Map(app, "POST", "/v1/blueprints/{blueprint}/entities/search", SearchBlueprint);
        pipeline.Map(app, "POST", "/v1/entities/search", SearchGlobal);
        pipeline.Map(app, "GET", "/v1/migrations/{id}", GetMigration);
    }

    private static EntityWriteMode PostMode(PortRequest request)
        => !request.Flag("upsert") ? EntityWriteMode.Create : request.Flag("merge") ? EntityWriteMode.Merge : EntityWriteMode.Replace;

    private BlueprintRecord Blueprint(PortRequest request)
    {
        var identifier = request.Route("blueprint");
        return Organisation.Blueprints.TryGetValue(identifier, out var record)
            ? record
            : throw PortApiError.NotFound($"Blueprint '{identifier}' was not found");
    }

    private ApiResult Create(PortRequest request)
    {
        EntityWrite write;
        JsonObject view;
        lock (Organisation.Gate)
        {
            var blueprint = Blueprint(request);
            write = Apply(request, blueprint, request.Body, PostMode(request), null, strict: false);
            view = EntityView.Render(blueprint, write.Entity);
        }

        Committed(request, write);
        return new ApiResult(write.Created ? 201 : 200, new JsonObject { ["entity"] = view });
    }

    private ApiResult WriteExisting(PortRequest request, EntityWriteMode mode, bool strict)
    {
        EntityWrite write;
        JsonObject view;
        lock (Organisation.Gate)
        {
            var blueprint = Blueprint(request);
            write = Apply(request, blueprint, request.Body, mode, request.Route("identifier"), strict);
            view = EntityView.Render(blueprint, write.Entity);
        }

        Committed(request, write);
        return ApiResult.Ok("entity", view);
    }

    private ApiResult Bulk(PortRequest request)
    {
        var body = request.ObjectBody();
        JsonChecks.AllowOnly(body, "body", "entities");
        var items = JsonChecks.OptionalArray(body, "entities", "body") ?? throw PortApiError.Invalid("body must have required property 'entities'");
        if (items.Count is < 1 or > BulkMax)
        {
            throw PortApiError.Invalid($"body/entities must hold 1 to {BulkMax} entities, got {items.Count}");
        }

        var results = new JsonArray();
        var errors = new JsonArray();
        var writes = new List<EntityWrite>();
        lock (Organisation.Gate)
        {
            var blueprint = Blueprint(request);
            var mode = PostMode(request);
            var created = Relations.BulkSeesEarlierItems ? null : new HashSet<(string, string)>();
            for (var index = 0; index < items.Count; index++)
            {
                try
                {
                    var write = Apply(request, blueprint, items[index], mode, null, strict: false, created);
                    writes.Add(write);
                    if (write.Created)
                    {
                        created?.Add((write.Blueprint, write.Identifier));
                    }

                    results.Add(new JsonObject
                    {
                        ["created"] = write.Created, ["identifier"] = write.Identifier, ["index"] = index, ["additionalData"] = new JsonObject(),
                    });
                }
                catch (PortApiError error)
                {
                    errors.Add(new JsonObject
                    {
                        ["identifier"] = (items[index] as JsonObject)?["identifier"] is JsonValue id && id.TryGetValue<string>(out var text) ? text : "unknown",
                        ["index"] = index, ["statusCode"] = error.Status, ["error"] = error.Error, ["message"] = error.Message,
                    });
                }
            }
        }

        foreach (var write in writes)
        {
            Committed(request, write);
        }

        return new ApiResult(errors.Count == 0 ? 200 : 207, new JsonObject { ["entities"] = results, ["errors"] = errors });
    }

    /// <param name="createdInRequest">Entities earlier items of the same bulk request created, which relations may not name yet; null: they may.</param>
    private EntityWrite Apply(
        PortRequest request, BlueprintRecord blueprint, JsonNode? body, EntityWriteMode mode, string? path, bool strict, IReadOnlySet<(string, string)>? createdInRequest = null)
        => context.EntityWriter.Write(
            blueprint, body, mode, path, strict, request.Flag("create_missing_related_entities"), request.Flag("validation_only"), createdInRequest);

    private void Committed(PortRequest request, EntityWrite write)
    {
        if (request.Flag("validation_only"))
        {
            return;
        }

        context.Changed();
        context.Automations.EntityChanged(write.Blueprint, write.Before, write.Entity, request.Depth);
    }

    private ApiResult Get(PortRequest request)
    {
        lock (Organisation.Gate)
        {
            var blueprint = Blueprint(request);
            var identifier = request.Route("identifier");
            var entity = blueprint.Entities.Find(identifier)
                ?? throw PortApiError.NotFound($"Entity '{identifier}' of blueprint '{request.Route("blueprint")}' was not found");
            return ApiResult.Ok("entity", Reader(request).Render(blueprint, entity, QueryProjection(request)));
        }
    }

    private ApiResult List(PortRequest request)
    {
        lock (Organisation.Gate)
        {
            var blueprint = Blueprint(request);
            var projection = QueryProjection(request);
            var reader = Reader(request);
            return ApiResult.Ok("entities", new JsonArray([.. blueprint.Entities.All.Select(e => (JsonNode)reader.Render(blueprint, e, projection))]));
        }
    }

    private ApiResult CountEntities(PortRequest request)
    {
        lock (Organisation.Gate)
        {
            return ApiResult.Ok("count", Blueprint(request).Entities.Count);
        }
    }

    private ApiResult Delete(PortRequest request)
    {
        List<(string Blueprint, JsonObject Entity)> deleted;
        lock (Organisation.Gate)
        {
            var blueprint = Blueprint(request);
            var identifier = request.Route("identifier");
            if (!blueprint.Entities.Contains(identifier))
            {
                throw PortApiError.NotFound($"Entity '{identifier}' of blueprint '{request.Route("blueprint")}' was not found");
            }

            deleted = DeleteMany(request.Route("blueprint"), [identifier], request.Flag("delete_dependents"));
        }

        Deleted(request, deleted);
        return ApiResult.Ok();
    }

    private ApiResult BulkDelete(PortRequest request)
    {
        var body = request.ObjectBody();
        JsonChecks.AllowOnly(body, "body", "entities");
        var array = JsonChecks.OptionalArray(body, "entities", "body") ?? throw PortApiError.Invalid("body must have required property 'entities'");
        var identifiers = JsonChecks.StringArray(array, "body/entities");
        if (identifiers.Count is < 1 or > BulkDeleteMax)
        {
            throw PortApiError.Invalid($"body/entities must hold 1 to {BulkDeleteMax} identifiers, got {identifiers.Count}");
        }

        List<(string Blueprint, JsonObject Entity)> deleted;
        lock (Organisation.Gate)
        {
            var blueprint = Blueprint(request);
            deleted = DeleteMany(request.Route("blueprint"), identifiers.Where(blueprint.Entities.Contains), request.Flag("delete_dependents"));
        }

        Deleted(request, deleted);
        return ApiResult.Ok("deletedEntities", new JsonArray([.. deleted.Select(d => (JsonNode?)d.Entity["identifier"]!.GetValue<string>())]));
    }

    private ApiResult DeleteAll(PortRequest request)
    {
        var migrationId = "migr_" + Guid.NewGuid().ToString("N")[..16];
        List<(string Blueprint, JsonObject Entity)> deleted;
        lock (Organisation.Gate)
        {
            var blueprint = Blueprint(request);
            var blueprintId = request.Route("blueprint");
            deleted = DeleteMany(blueprintId, [.. blueprint.Entities.All.Select(e => e["identifier"]!.GetValue<string>())], deleteDependents: true);
            if (request.Flag("delete_blueprint"))
            {
                Organisation.Blueprints.Remove(blueprintId);
            }

            var now = Organisation.Now();
            Organisation.Migrations[migrationId] = new JsonObject
            {
                ["id"] = migrationId, ["status"] = "COMPLETED", ["sourceBlueprint"] = blueprintId,
                ["createdAt"] = now, ["updatedAt"] = now, ["createdBy"] = Organisation.Actor, ["updatedBy"] = Organisation.Actor,
            };
        }

        Deleted(request, deleted);
        return ApiResult.Ok("migrationId", migrationId);
    }

    private ApiResult GetMigration(PortRequest request)
    {
        lock (Organisation.Gate)
        {
            var id = request.Route("id");
            return Organisation.Migrations.TryGetValue(id, out var migration)
                ? ApiResult.Ok("migration", migration.DeepClone())
                : throw PortApiError.NotFound($"Migration '{id}' was not found");
        }
    }

    /// <summary>
    /// Deletes the entities and what depends on them. An entity whose <b>required</b> relation points at a deleted
    /// one blocks the whole call with 403 <c>has_dependents</c> unless <c>delete_dependents=true</c>, which deletes
    /// it too (port-docs <c>generalTemplates/_delete_dependents_api_explanation_template.md</c>); with
    /// <see cref="DependentsScope.AnyRelation"/> the flag also deletes entities whose optional relation points
    /// there. Optional relations left pointing at a deleted entity are then cleared or kept
    /// (<see cref="RelationBehaviour.OnTargetDeleted"/>).
    /// </summary>
    private List<(string Blueprint, JsonObject Entity)> DeleteMany(string blueprintId, IEnumerable<string> identifiers, bool deleteDependents)
    {
        var graph = new RelationGraph(Organisation.Blueprints);
        var toDelete = new List<EntityRef>();
        var seen = new HashSet<EntityRef>();
        var pending = new Queue<EntityRef>(identifiers.Select(id => new EntityRef(blueprintId, id)));
        while (pending.TryDequeue(out var next))
        {
            if (!seen.Add(next))
            {
                continue;
            }

            toDelete.Add(next);
            foreach (var (source, relation) in graph.Sources(next))
            {
                var required = IsRequired(source.Blueprint, relation);
                if (seen.Contains(source) || (!required && !(deleteDependents && Relations.DeleteDependents == DependentsScope.AnyRelation)))
                {
                    continue;
                }

                if (!deleteDependents)
                {
                    throw new PortApiError(403, "has_dependents",
                        $"Entity '{next.Identifier}' of blueprint '{next.Blueprint}' has dependent entities (for example '{source.Identifier}' of blueprint '{source.Blueprint}'); use delete_dependents=true");
                }

                pending.Enqueue(source);
            }
        }

        if (Relations.OnTargetDeleted == DanglingRelations.Clear)
        {
            ClearRelationsTo(graph, toDelete, seen);
        }

        var deleted = new List<(string, JsonObject)>(toDelete.Count);
        foreach (var entity in toDelete)
        {
            var entities = Organisation.EntitiesOf(entity.Blueprint)!;
            deleted.Add((entity.Blueprint, entities.Find(entity.Identifier)!));
            entities.Remove(entity.Identifier);
        }

        return deleted;
    }

    private bool IsRequired(string blueprint, string relation)
        => Organisation.Blueprints[blueprint].Relations[relation]?["required"]?.GetValue<bool>() == true;

    /// <summary>Removes the deleted entities' identifiers from the relations of the entities that stay.</summary>
    private static void ClearRelationsTo(RelationGraph graph, IEnumerable<EntityRef> deleted, IReadOnlySet<EntityRef> deleting)
    {
        foreach (var target in deleted)
        {
            foreach (var (source, relation) in graph.Sources(target).Where(s => !deleting.Contains(s.Source)).ToList())
            {
                var values = (JsonObject)graph.Find(source)!["relations"]!;
                values[relation] = values[relation] switch
                {
                    JsonArray many => new JsonArray([.. RelationGraph.Identifiers(many).Where(id => id != target.Identifier).Select(id => (JsonNode?)id)]),
                    _ => null,
                };
            }
        }
    }

    private void Deleted(PortRequest request, List<(string Blueprint, JsonObject Entity)> deleted)
    {
        if (deleted.Count == 0)
        {
            return;
        }

        context.Changed();
        foreach (var (blueprint, entity) in deleted)
        {
            context.Automations.EntityChanged(blueprint, entity, null, request.Depth);
        }
    }

    private ApiResult SearchBlueprint(PortRequest request)
    {
        var body = request.Body is null ? [] : request.ObjectBody();
        JsonChecks.AllowOnly(body, "body", "query", "include", "exclude", "limit", "from");
        var limit = SearchDefaultLimit;
        if (body["limit"] is { } limitNode)
        {
            if (limitNode.GetValueKind() != System.Text.Json.JsonValueKind.Number
                || limitNode.GetValue<double>() is < 1 or > SearchMaxLimit || limitNode.GetValue<double>() % 1 != 0)
            {
                throw PortApiError.Invalid($"body/limit must be an integer from 1 to {SearchMaxLimit}");
            }

            limit = (int)limitNode.GetValue<double>();
        }

        long? after = null;
        if (JsonChecks.OptionalString(body, "from", "body") is { } from)
        {
            after = long.TryParse(from, NumberStyles.None, CultureInfo.InvariantCulture, out var cursor)
                ? cursor
                : throw PortApiError.Invalid($"body/from '{from}' is not a cursor returned as 'next' by this search");
        }

        var filter = EntityQuery.Compile(body["query"], "body/query", context.Options.Time);
        var projection = BodyProjection(body);
        lock (Organisation.Gate)
        {
            var blueprint = Blueprint(request);
            var (page, next) = blueprint.Entities.Page(after, limit, filter);
            var reader = Reader(request, Relations.BlueprintSearchHonoursQueryFlags);
            var result = new JsonObject
            {
                ["entities"] = new JsonArray([.. page.Select(e => (JsonNode)reader.Render(blueprint, e, projection))]),
            };
            if (next is not null)
            {
                result["next"] = next.Value.ToString(CultureInfo.InvariantCulture);
            }

            return ApiResult.Ok(result);
        }
    }

    private ApiResult SearchGlobal(PortRequest request)
    {
        var query = request.ObjectBody();
        var filter = EntityQuery.Compile(query, "body", context.Options.Time);
        var scope = EntityQuery.BlueprintScope(query);
        var projection = QueryProjection(request);
        lock (Organisation.Gate)
        {
            var reader = Reader(request);
            var entities = new JsonArray();
            var matching = new JsonArray();
            foreach (var (identifier, blueprint) in Organisation.Blueprints)
            {
                if (scope?.Contains(identifier) == false)
                {
                    continue;
                }

                var any = false;
                foreach (var entity in blueprint.Entities.All.Where(filter))
                {
                    entities.Add(reader.Render(blueprint, entity, projection));
                    any = true;
                }

                if (any)
                {
                    matching.Add(identifier);
                }
            }

            // The system blueprints _user and _team too: Port's Terraform provider finds a team's identifier
            // this way (internal/cli/team.go, enrichTeamFromTeamEntity, at e26439a).
            foreach (var (identifier, system) in SystemEntities.Search(context.Users, scope, filter, projection))
            {
                entities.Add(system);
                if (!matching.Any(m => m!.GetValue<string>() == identifier))
                {
                    matching.Add(identifier);
                }
            }

            return ApiResult.Ok(new JsonObject { ["matchingBlueprints"] = matching, ["failedBlueprints"] = new JsonArray(), ["entities"] = entities });
        }
    }

    private EntityReader Reader(PortRequest request, bool queryFlags = true) => new(context, request, _aggregations, queryFlags);

    private static EntityView.Projection? BodyProjection(JsonObject body)
        => EntityView.Projection.From(
            JsonChecks.OptionalArray(body, "include", "body") is { } include ? JsonChecks.StringArray(include, "body/include") : null,
            JsonChecks.OptionalArray(body, "exclude", "body") is { } exclude ? JsonChecks.StringArray(exclude, "body/exclude") : null);

    /// <summary>
    /// GET routes and the global search take include/exclude as repeated or comma-joined query values (the
    /// Terraform provider joins them) naming paths of the entity JSON, as the OpenAPI's examples write them
    /// (<c>identifier</c>, <c>properties.name</c>), which become the projection's keys (<c>$identifier</c>,
    /// <c>name</c>); a <c>$</c>-prefixed key is taken as it is.
    /// </summary>
    private static EntityView.Projection? QueryProjection(PortRequest request)
    {
        static IEnumerable<string>? Split(PortRequest request, string name)
            => request.Http.Request.Query.TryGetValue(name, out var values)
                ? values.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(Key)
                : null;

        static string Key(string path)
            => path.StartsWith("properties.", StringComparison.Ordinal) ? path["properties.".Length..]
                : path.StartsWith("relations.", StringComparison.Ordinal) ? path["relations.".Length..]
                : path.StartsWith('$') ? path
                : "$" + path;

        return EntityView.Projection.From(Split(request, "include"), Split(request, "exclude"));
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using Emulators.Port.Blueprints;
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

    private Organisation Organisation => context.Organisation;

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
            for (var index = 0; index < items.Count; index++)
            {
                try
                {
                    var write = Apply(request, blueprint, items[index], mode, null, strict: false);
                    writes.Add(write);
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

    private EntityWrite Apply(PortRequest request, BlueprintRecord blueprint, JsonNode? body, EntityWriteMode mode, string? path, bool strict)
        => context.EntityWriter.Write(
            blueprint, body, mode, path, strict, request.Flag("create_missing_related_entities"), request.Flag("validation_only"));

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
            return ApiResult.Ok("entity", EntityView.Render(blueprint, entity, QueryProjection(request)));
        }
    }

    private ApiResult List(PortRequest request)
    {
        lock (Organisation.Gate)
        {
            var blueprint = Blueprint(request);
            var projection = QueryProjection(request);
            return ApiResult.Ok("entities", new JsonArray([.. blueprint.Entities.All.Select(e => (JsonNode)EntityView.Render(blueprint, e, projection))]));
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
    /// Deletes the entities and, when allowed, what depends on them (entities whose required relation
    /// points at them); otherwise any dependent fails the whole call with 403 <c>has_dependents</c>.
    /// </summary>
    private List<(string Blueprint, JsonObject Entity)> DeleteMany(string blueprintId, IEnumerable<string> identifiers, bool deleteDependents)
    {
        var toDelete = new List<(string Blueprint, string Identifier)>();
        var seen = new HashSet<(string, string)>();
        var pending = new Queue<(string, string)>(identifiers.Select(id => (blueprintId, id)));
        while (pending.TryDequeue(out var next))
        {
            if (!seen.Add(next))
            {
                continue;
            }

            toDelete.Add(next);
            foreach (var dependent in Dependents(next.Item1, next.Item2))
            {
                if (seen.Contains(dependent))
                {
                    continue;
                }

                if (!deleteDependents)
                {
                    throw new PortApiError(403, "has_dependents",
                        $"Entity '{next.Item2}' of blueprint '{next.Item1}' has dependent entities (for example '{dependent.Item2}' of blueprint '{dependent.Item1}'); use delete_dependents=true");
                }

                pending.Enqueue(dependent);
            }
        }

        var deleted = new List<(string, JsonObject)>(toDelete.Count);
        foreach (var (blueprint, identifier) in toDelete)
        {
            var entities = Organisation.EntitiesOf(blueprint)!;
            deleted.Add((blueprint, entities.Find(identifier)!));
            entities.Remove(identifier);
        }

        return deleted;
    }

    /// <summary>Entities whose required relation points at the entity; only blueprints with such a relation are scanned.</summary>
    private IEnumerable<(string, string)> Dependents(string blueprintId, string identifier)
    {
        foreach (var (otherId, other) in Organisation.Blueprints)
        {
            var keys = other.Relations
                .Where(r => r.Value?["target"]?.GetValue<string>() == blueprintId && r.Value?["required"]?.GetValue<bool>() == true)
                .Select(r => r.Key)
                .ToList();
            if (keys.Count == 0)
            {
                continue;
            }

            foreach (var entity in other.Entities.All)
            {
                var relations = (JsonObject)entity["relations"]!;
                if (keys.Any(key => relations[key] switch
                    {
                        JsonArray many => many.Any(v => v?.GetValue<string>() == identifier),
                        JsonValue one => one.GetValue<string>() == identifier,
                        _ => false,
                    }))
                {
                    yield return (otherId, entity["identifier"]!.GetValue<string>());
                }
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

        var filter = EntityQuery.Compile(body["query"]);
        var projection = BodyProjection(body);
        lock (Organisation.Gate)
        {
            var blueprint = Blueprint(request);
            var (page, next) = blueprint.Entities.Page(after, limit, filter);
            var result = new JsonObject
            {
                ["entities"] = new JsonArray([.. page.Select(e => (JsonNode)EntityView.Render(blueprint, e, projection))]),
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
        var filter = EntityQuery.Compile(query, "body");
        var scope = EntityQuery.BlueprintScope(query);
        var projection = QueryProjection(request);
        lock (Organisation.Gate)
        {
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
                    entities.Add(EntityView.Render(blueprint, entity, projection));
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

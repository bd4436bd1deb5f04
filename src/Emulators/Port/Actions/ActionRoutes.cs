using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Emulators.Port.Http;
using Microsoft.AspNetCore.Builder;

namespace Emulators.Port.Actions;

/// <summary><c>/v1/actions</c>: self-service actions and automations (no PATCH, as in Port).</summary>
internal sealed class ActionRoutes(PortContext context)
{
    private Organisation Organisation => context.Organisation;

    public void Map(WebApplication app, PortPipeline pipeline)
    {
        pipeline.Map(app, "GET", "/v1/actions", List);
        pipeline.Map(app, "POST", "/v1/actions", Create);
        pipeline.Map(app, "GET", "/v1/actions/{identifier}", Get);
        pipeline.Map(app, "PUT", "/v1/actions/{identifier}", Replace);
        pipeline.Map(app, "DELETE", "/v1/actions/{identifier}", Delete);
        pipeline.Map(app, "GET", "/v1/actions/{identifier}/permissions", GetPermissions);
        pipeline.Map(app, "PATCH", "/v1/actions/{identifier}/permissions", PatchPermissions);
    }

    private ApiResult List(PortRequest request)
    {
        var triggerType = request.Query("trigger_type");
        var blueprint = request.Query("blueprint_identifier");
        lock (Organisation.Gate)
        {
            var actions = Organisation.Actions.Values
                .Where(a => triggerType is null || a["trigger"]?["type"]?.GetValue<string>() == triggerType)
                .Where(a => blueprint is null || a["trigger"]?["blueprintIdentifier"]?.GetValue<string>() == blueprint)
                .Select(a => a.DeepClone());
            return ApiResult.Ok("actions", new JsonArray([.. actions]));
        }
    }

    /// <remarks>Answers 201 like the other create routes; the spec leaves the success status out.</remarks>
    private ApiResult Create(PortRequest request)
    {
        var action = ActionValidator.Validate(request.ObjectBody());
        var identifier = action["identifier"]!.GetValue<string>();
        lock (Organisation.Gate)
        {
            if (Organisation.Actions.ContainsKey(identifier))
            {
                throw PortApiError.Taken($"An action/automation with the identifier '{identifier}' already exists");
            }

            action["id"] = "action_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            Organisation.Stamp(action, null);
            Organisation.Actions[identifier] = action;
            action = (JsonObject)action.DeepClone();
        }

        context.Changed();
        return new ApiResult(201, new JsonObject { ["action"] = action });
    }

    private ApiResult Get(PortRequest request)
    {
        lock (Organisation.Gate)
        {
            return ApiResult.Ok("action", Find(request).DeepClone());
        }
    }

    private ApiResult Replace(PortRequest request)
    {
        var identifier = request.Route("identifier");
        var body = (JsonObject)request.ObjectBody().DeepClone();
        body["identifier"] ??= identifier;
        var action = ActionValidator.Validate(body);
        if (action["identifier"]!.GetValue<string>() != identifier)
        {
            throw PortApiError.Invalid($"body/identifier '{action["identifier"]}' does not match the action '{identifier}' in the URL");
        }

        lock (Organisation.Gate)
        {
            var existing = Find(request);
            action["id"] = existing["id"]?.DeepClone();
            Organisation.Stamp(action, existing);
            Organisation.Actions[identifier] = action;
            action = (JsonObject)action.DeepClone();
        }

        context.Changed();
        return ApiResult.Ok("action", action);
    }

    private ApiResult Delete(PortRequest request)
    {
        lock (Organisation.Gate)
        {
            Find(request);
            Organisation.Actions.Remove(request.Route("identifier"));
            Organisation.ActionPermissions.Remove(request.Route("identifier"));
        }

        context.Changed();
        return ApiResult.Ok();
    }

    private ApiResult GetPermissions(PortRequest request)
    {
        lock (Organisation.Gate)
        {
            Find(request);
            return ApiResult.Ok("permissions", Permissions(request.Route("identifier")).DeepClone());
        }
    }

    private ApiResult PatchPermissions(PortRequest request)
    {
        var patch = request.ObjectBody();
        JsonObject merged;
        lock (Organisation.Gate)
        {
            Find(request);
            var identifier = request.Route("identifier");
            merged = ActionPermissions.Merge(Permissions(identifier), patch);
            Organisation.ActionPermissions[identifier] = merged;
            merged = (JsonObject)merged.DeepClone();
        }

        context.Changed();
        return ApiResult.Ok("permissions", merged);
    }

    private JsonObject Permissions(string identifier) => ActionPermissions.Of(Organisation, identifier);

    private JsonObject Find(PortRequest request)
    {
        var identifier = request.Route("identifier");
        return Organisation.Actions.TryGetValue(identifier, out var action)
            ? action
            : throw PortApiError.NotFound($"An action with the identifier '{identifier}' was not found");
    }
}

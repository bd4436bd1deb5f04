using System.Text.Json.Nodes;
using Emulators.Port.Http;
using Emulators.Port.Validation;
using Microsoft.AspNetCore.Builder;

namespace Emulators.Port.Secrets;

/// <summary>Organisation secrets. No route ever answers a secret's value.</summary>
internal sealed class SecretRoutes(PortContext context)
{
    private const string Collection = "/v1/organization/secrets";
    private const string One = "/v1/organization/secrets/{name}";

    private Organisation Organisation => context.Organisation;

    public void Map(WebApplication app, PortPipeline pipeline)
    {
        pipeline.Map(app, "GET", Collection, List);
        pipeline.Map(app, "POST", Collection, Create);
        pipeline.Map(app, "GET", One, Get);
        pipeline.Map(app, "PATCH", One, Patch);
        pipeline.Map(app, "DELETE", One, Delete);
    }

    private ApiResult List(PortRequest request)
    {
        lock (Organisation.Gate)
        {
            return ApiResult.Ok("secrets", new JsonArray([.. Organisation.Secrets.Values.Select(s => (JsonNode)s.Metadata())]));
        }
    }

    /// <remarks>A duplicate name answers 409 <c>identifier_taken</c>, by analogy with every other create route.</remarks>
    private ApiResult Create(PortRequest request)
    {
        var body = request.ObjectBody();
        JsonChecks.AllowOnly(body, "body", "secretName", "secretValue", "description");
        JsonChecks.Require(body, "body", "secretName", "secretValue");
        var name = JsonChecks.String(body, "secretName", "body");
        Identifiers.Check("secretName", name, Identifiers.SecretName(), Identifiers.SecretNameMax);
        var value = JsonChecks.String(body, "secretValue", "body");
        JsonChecks.MaxLength(body, "description", "body", Identifiers.DescriptionMax);
        JsonObject metadata;
        lock (Organisation.Gate)
        {
            if (Organisation.Secrets.ContainsKey(name))
            {
                throw PortApiError.Taken($"A secret named '{name}' already exists");
            }

            var now = Organisation.Now();
            var secret = new SecretRecord
            {
                Name = name,
                Value = value,
                Description = JsonChecks.OptionalString(body, "description", "body"),
                CreatedAt = now,
                CreatedBy = Organisation.Actor,
                UpdatedAt = now,
                UpdatedBy = Organisation.Actor,
            };
            Organisation.Secrets[name] = secret;
            metadata = secret.Metadata();
        }

        context.Changed();
        return new ApiResult(201, new JsonObject { ["secret"] = metadata });
    }

    private ApiResult Get(PortRequest request)
    {
        lock (Organisation.Gate)
        {
            return ApiResult.Ok("secret", Find(request).Metadata());
        }
    }

    private ApiResult Patch(PortRequest request)
    {
        var body = request.ObjectBody();
        JsonChecks.AllowOnly(body, "body", "secretValue", "description");
        var value = JsonChecks.OptionalString(body, "secretValue", "body");
        JsonChecks.MaxLength(body, "description", "body", Identifiers.DescriptionMax);
        JsonObject metadata;
        lock (Organisation.Gate)
        {
            var secret = Find(request);
            secret.Value = value ?? secret.Value;
            if (body.ContainsKey("description"))
            {
                secret.Description = JsonChecks.OptionalString(body, "description", "body");
            }

            secret.UpdatedAt = Organisation.Now();
            secret.UpdatedBy = Organisation.Actor;
            metadata = secret.Metadata();
        }

        context.Changed();
        return ApiResult.Ok("secret", metadata);
    }

    private ApiResult Delete(PortRequest request)
    {
        lock (Organisation.Gate)
        {
            Find(request);
            Organisation.Secrets.Remove(request.Route("name"));
        }

        context.Changed();
        return ApiResult.Ok();
    }

    private SecretRecord Find(PortRequest request)
    {
        var name = request.Route("name");
        return Organisation.Secrets.TryGetValue(name, out var secret)
            ? secret
            : throw PortApiError.NotFound($"A secret named '{name}' was not found");
    }
}

using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Emulators.Port.Http;
using Emulators.Port.Validation;
using Emulators.Unknowns;
using Microsoft.AspNetCore.Builder;

namespace Emulators.Port.Webhooks;

/// <summary>
/// <c>/v1/webhooks</c>: webhook data sources. Answers carry the webhook under <c>integration</c> (the key
/// Port's Terraform provider reads; the spec documents no 2xx body), with the server's <c>webhookKey</c>
/// and the ingest <c>url</c> built from this emulator's own address.
/// </summary>
internal sealed class WebhookRoutes(PortContext context, Func<Uri?> baseUrl)
{
    public const string EnvelopeKey = "integration";
    public const string ListKey = "integrations";
    private const int KeyLength = 20;
    private const string KeyAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private Organisation Organisation => context.Organisation;

    public void Map(WebApplication app, PortPipeline pipeline)
    {
        pipeline.Map(app, "GET", "/v1/webhooks", List);
        pipeline.Map(app, "POST", "/v1/webhooks", Create);
        pipeline.Map(app, "GET", "/v1/webhooks/{identifier}", Get);
        pipeline.Map(app, "PUT", "/v1/webhooks/{identifier}", request => Write(request, partial: false));
        pipeline.Map(app, "PATCH", "/v1/webhooks/{identifier}", request => Write(request, partial: true));
        pipeline.Map(app, "DELETE", "/v1/webhooks/{identifier}", Delete);
    }

    /// <summary>The stored webhook plus its ingest URL, the secret as stored (what tests inspect).</summary>
    public JsonObject Render(JsonObject stored)
    {
        var view = (JsonObject)stored.DeepClone();
        view["url"] = IngestUrl(stored["webhookKey"]!.GetValue<string>());
        return view;
    }

    /// <summary>
    /// What an API answer carries: <see cref="Render"/> with <c>security.secret</c> as
    /// <see cref="PortEmulatorOptions.WebhookSecret"/> says (an unknown: docs/unknowns.md).
    /// </summary>
    private JsonObject Answer(JsonObject stored)
    {
        var view = Render(stored);
        if (view["security"] is JsonObject security && security.ContainsKey("secret"))
        {
            switch (context.Options.WebhookSecret)
            {
                case WebhookSecretOnRead.Omitted:
                    security.Remove("secret");
                    break;
                case WebhookSecretOnRead.Masked when security["secret"] is not null:
                    security["secret"] = WebhookSecretMask.Mask;
                    break;
            }
        }

        return view;
    }

    public string IngestUrl(string webhookKey)
        => new Uri(baseUrl() ?? new Uri("http://127.0.0.1/"), WebhookIngest.PathPrefix + webhookKey).ToString();

    private ApiResult List(PortRequest request)
    {
        lock (Organisation.Gate)
        {
            return ApiResult.Ok(ListKey, new JsonArray([.. Organisation.Webhooks.Values.Select(w => (JsonNode)Answer(w))]));
        }
    }

    /// <remarks>Answers 201 like the other create routes; the spec leaves the success status out.</remarks>
    private ApiResult Create(PortRequest request)
    {
        var webhook = WebhookValidator.Validate(request.ObjectBody(), partial: false, context.Options.MappingOperationString);
        var identifier = JsonChecks.OptionalString(webhook, "identifier", "body")
            ?? "webhook_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        webhook["identifier"] = identifier;
        JsonObject view;
        lock (Organisation.Gate)
        {
            if (Organisation.Webhooks.ContainsKey(identifier))
            {
                throw PortApiError.Taken($"A webhook with the identifier '{identifier}' already exists");
            }

            Complete(webhook, null);
            Organisation.Webhooks[identifier] = webhook;
            view = Answer(webhook);
        }

        context.Changed();
        return new ApiResult(201, new JsonObject { [EnvelopeKey] = view });
    }

    private ApiResult Get(PortRequest request)
    {
        lock (Organisation.Gate)
        {
            return ApiResult.Ok(EnvelopeKey, Answer(Find(request)));
        }
    }

    /// <summary>PUT replaces the definition; PATCH merges the given top-level fields into it. Key and URL stay.</summary>
    private ApiResult Write(PortRequest request, bool partial)
    {
        var identifier = request.Route("identifier");
        var body = WebhookValidator.Validate(request.ObjectBody(), partial, context.Options.MappingOperationString);
        if (body["identifier"] is { } given && given.GetValue<string>() != identifier)
        {
            throw PortApiError.Invalid($"body/identifier '{given}' does not match the webhook '{identifier}' in the URL");
        }

        JsonObject view;
        lock (Organisation.Gate)
        {
            var existing = Find(request);
            JsonObject webhook;
            if (partial)
            {
                webhook = (JsonObject)existing.DeepClone();
                foreach (var (key, value) in body)
                {
                    webhook[key] = value?.DeepClone();
                }

                foreach (var field in WebhookValidator.ServerFields)
                {
                    webhook.Remove(field);
                }

                webhook = WebhookValidator.Validate(webhook, partial: false, context.Options.MappingOperationString);
            }
            else
            {
                webhook = body;
            }

            webhook["identifier"] = identifier;
            Complete(webhook, existing);
            Organisation.Webhooks[identifier] = webhook;
            view = Answer(webhook);
        }

        context.Changed();
        return ApiResult.Ok(EnvelopeKey, view);
    }

    private ApiResult Delete(PortRequest request)
    {
        lock (Organisation.Gate)
        {
            Find(request);
            Organisation.Webhooks.Remove(request.Route("identifier"));
        }

        context.Changed();
        return ApiResult.Ok();
    }

    /// <summary>Server fields and defaults: a fresh key on create (kept afterwards), <c>integrationType</c>, meta fields.</summary>
    private void Complete(JsonObject webhook, JsonObject? previous)
    {
        webhook["mappings"] ??= new JsonArray();
        webhook["integrationType"] ??= "custom";
        webhook["webhookKey"] = previous?["webhookKey"]?.DeepClone() ?? RandomNumberGenerator.GetString(KeyAlphabet, KeyLength);
        webhook["orgId"] = context.Options.OrganizationId;
        Organisation.Stamp(webhook, previous);
    }

    private JsonObject Find(PortRequest request)
    {
        var identifier = request.Route("identifier");
        return Organisation.Webhooks.TryGetValue(identifier, out var webhook)
            ? webhook
            : throw PortApiError.NotFound($"A webhook with the identifier '{identifier}' was not found");
    }
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace Infra.Tests.Emulators.RenewalLoop;

/// <summary>
/// The self-renewing Spacelift token, as Port documents its parts (the JSON a program declares): a lease
/// blueprint whose <c>renew_at</c> is a timer property; one lease entity; an automation on that timer's
/// expiry that exchanges the API key for a token (<c>apiKeyUser { jwt validUntil }</c>); and three
/// automations on that run's update: store the token in <c>SPACELIFT_TOKEN</c> through Port's own API
/// (as the guide's <c>spacelift_token_refresh_sync</c> does), set the timer again from the token's
/// <c>validUntil</c> (an <c>UPSERT_ENTITY</c>, or a webhook to Port's entity API), and record a failed
/// renewal on the lease. A failed renewal sets no timer, so the loop stops after one failure.
/// </summary>
public static class RenewalLoopBodies
{
    public const string Blueprint = "spacelift_token_lease";
    public const string Lease = "spacelift-token";
    public const string Timer = "renew_at";
    public const string Renew = "spacelift_token_renew";
    public const string Store = "spacelift_token_renew_store";
    public const string Rearm = "spacelift_token_renew_rearm";
    public const string Failed = "spacelift_token_renew_failed";

    /// <summary>How the timer is set again after a renewal.</summary>
    public enum RearmBy
    {
        /// <summary>An <c>UPSERT_ENTITY</c> invocation (port-docs setup-backend/create-update-entity).</summary>
        UpsertEntity,

        /// <summary>A webhook PATCHing the lease through Port's own entity API (port-docs setup-backend/webhook, "Trigger Port API").</summary>
        PortApiWebhook,
    }

    public static JsonObject LeaseBlueprint() => Parse("""
        {
          "identifier": "spacelift_token_lease",
          "title": "Spacelift token lease",
          "description": "When Port renews the Spacelift token in SPACELIFT_TOKEN next, and how the last renewal went",
          "schema": {
            "properties": {
              "renew_at": { "type": "string", "format": "timer", "title": "Renew at" },
              "valid_until": { "type": "string", "format": "date-time", "title": "Token valid until" },
              "renewal_status": { "type": "string", "enum": ["RENEWED", "FAILED"], "title": "Last renewal" },
              "renewal_error": { "type": "string", "title": "Last renewal error" }
            },
            "required": []
          },
          "mirrorProperties": {},
          "calculationProperties": {},
          "aggregationProperties": {},
          "relations": {}
        }
        """);

    /// <summary>The lease as <c>up</c> writes it after minting a token valid until <paramref name="validUntil"/>.</summary>
    public static JsonObject LeaseEntity(DateTimeOffset validUntil, TimeSpan margin) => new()
    {
        ["identifier"] = Lease,
        ["title"] = "Spacelift token",
        ["properties"] = new JsonObject
        {
            ["renew_at"] = Iso(validUntil - margin),
            ["valid_until"] = Iso(validUntil),
            ["renewal_status"] = "RENEWED",
        },
    };

    /// <summary>On the timer's expiry: exchange the API key for a token (the guide's refresh query, with <c>validUntil</c>).</summary>
    public static JsonObject RenewAutomation(string spaceliftGraphQlUrl)
    {
        var automation = Parse("""
            {
              "identifier": "spacelift_token_renew",
              "title": "Renew the Spacelift token",
              "description": "When the lease's timer expires, exchanges the Spacelift API key for a new token",
              "trigger": {
                "type": "automation",
                "event": { "type": "TIMER_PROPERTY_EXPIRED", "blueprintIdentifier": "spacelift_token_lease", "propertyIdentifier": "renew_at" }
              },
              "invocationMethod": {
                "type": "WEBHOOK",
                "url": "SPACELIFT_GRAPHQL_URL",
                "agent": false,
                "synchronized": true,
                "method": "POST",
                "headers": { "Content-Type": "application/json" },
                "body": {
                  "query": "mutation RenewSpaceliftToken($id: ID!, $secret: String!) { apiKeyUser(id: $id, secret: $secret) { jwt validUntil } }",
                  "variables": { "id": "{{ .secrets.SPACELIFT_API_KEY_ID }}", "secret": "{{ .secrets.SPACELIFT_API_KEY_SECRET }}" }
                }
              },
              "publish": true
            }
            """);
        automation["invocationMethod"]!["url"] = spaceliftGraphQlUrl;
        return automation;
    }

    /// <summary>A renewal that gave a token: write it into <c>SPACELIFT_TOKEN</c> through Port's own API (no credentials: Port adds its own).</summary>
    public static JsonObject StoreAutomation() => Parse("""
        {
          "identifier": "spacelift_token_renew_store",
          "title": "Store the renewed Spacelift token",
          "description": "Writes the token spacelift_token_renew received into the SPACELIFT_TOKEN secret",
          "trigger": {
            "type": "automation",
            "event": { "type": "RUN_UPDATED", "actionIdentifier": "spacelift_token_renew" },
            "condition": {
              "type": "JQ",
              "expressions": [".diff.after.status == \"SUCCESS\"", ".diff.after.response.data.apiKeyUser.jwt != null"],
              "combinator": "and"
            }
          },
          "invocationMethod": {
            "type": "WEBHOOK",
            "url": "https://api.port.io/v1/organization/secrets/SPACELIFT_TOKEN",
            "agent": false,
            "synchronized": true,
            "method": "PATCH",
            "headers": {},
            "body": {
              "secretValue": "{{ .event.diff.after.response.data.apiKeyUser.jwt }}",
              "description": "Spacelift API token, renewed by spacelift_token_renew"
            }
          },
          "publish": true
        }
        """);

    /// <summary>A renewal that gave a token: set the timer again, <paramref name="margin"/> before the new token's <c>validUntil</c>.</summary>
    public static JsonObject RearmAutomation(TimeSpan margin, RearmBy by = RearmBy.UpsertEntity)
    {
        var automation = Parse("""
            {
              "identifier": "spacelift_token_renew_rearm",
              "title": "Set the next Spacelift token renewal",
              "description": "Sets the lease's timer from the validUntil of the token spacelift_token_renew received",
              "trigger": {
                "type": "automation",
                "event": { "type": "RUN_UPDATED", "actionIdentifier": "spacelift_token_renew" },
                "condition": {
                  "type": "JQ",
                  "expressions": [".diff.after.status == \"SUCCESS\"", ".diff.after.response.data.apiKeyUser.validUntil != null"],
                  "combinator": "and"
                }
              },
              "publish": true
            }
            """);
        var seconds = ((long)margin.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var properties = new JsonObject
        {
            ["renew_at"] = $"{{{{ (.event.diff.after.response.data.apiKeyUser.validUntil - {seconds}) | todate }}}}",
            ["valid_until"] = "{{ .event.diff.after.response.data.apiKeyUser.validUntil | todate }}",
            ["renewal_status"] = "RENEWED",
            ["renewal_error"] = null,
        };
        automation["invocationMethod"] = by == RearmBy.UpsertEntity
            ? new JsonObject
            {
                ["type"] = "UPSERT_ENTITY",
                ["blueprintIdentifier"] = Blueprint,
                ["mapping"] = new JsonObject { ["identifier"] = Lease, ["title"] = "Spacelift token", ["properties"] = properties },
            }
            : new JsonObject
            {
                ["type"] = "WEBHOOK",
                ["url"] = $"https://api.port.io/v1/blueprints/{Blueprint}/entities/{Lease}",
                ["agent"] = false,
                ["synchronized"] = true,
                ["method"] = "PATCH",
                ["headers"] = new JsonObject { ["RUN_ID"] = "{{ .run.id }}" },
                ["body"] = new JsonObject { ["properties"] = properties },
            };
        return automation;
    }

    /// <summary>A renewal that failed or gave no token: say so on the lease; the timer is not set again.</summary>
    public static JsonObject FailedAutomation() => Parse("""
        {
          "identifier": "spacelift_token_renew_failed",
          "title": "Record a failed Spacelift token renewal",
          "description": "Marks the lease FAILED with the reason when spacelift_token_renew got no token",
          "trigger": {
            "type": "automation",
            "event": { "type": "RUN_UPDATED", "actionIdentifier": "spacelift_token_renew" },
            "condition": {
              "type": "JQ",
              "expressions": [
                ".diff.after.status == \"FAILURE\"",
                ".diff.after.status == \"SUCCESS\" and .diff.after.response.data.apiKeyUser.jwt == null"
              ],
              "combinator": "or"
            }
          },
          "invocationMethod": {
            "type": "UPSERT_ENTITY",
            "blueprintIdentifier": "spacelift_token_lease",
            "mapping": {
              "identifier": "spacelift-token",
              "title": "Spacelift token",
              "properties": {
                "renewal_status": "FAILED",
                "renewal_error": "{{ .event.diff.after.summary // .event.diff.after.response.errors[0].message // \"Spacelift answered no token\" }}"
              }
            }
          },
          "publish": true
        }
        """);

    /// <summary>Port's timer values as the examples write them: ISO 8601, UTC, milliseconds.</summary>
    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}

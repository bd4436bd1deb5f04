using System.Text.Json;
using System.Text.Json.Nodes;
using Emulators.Port.Http;
using Emulators.Port.Validation;

namespace Emulators.Port.Actions;

/// <summary>
/// <c>/v1/actions/{id}/permissions</c>: who may execute and approve. The PATCH body is checked as Port's
/// OpenAPI declares it (closed objects, typed lists, a policy's required <c>queries</c> and
/// <c>conditions</c>); what the emulator can evaluate is decided later, when a run asks (see Permissions/).
/// </summary>
internal static class ActionPermissions
{
    private static readonly string[] ExecuteKeys = ["users", "roles", "teams", "ownedByTeam", "policy"];
    private static readonly string[] ApproveKeys = ["users", "roles", "teams", "policy"];

    /// <summary>
    /// What Port gives a new action: everyone in the organisation (both roles) may execute, nobody is an
    /// approver. The key order is part of the contract: the program declares this same body.
    /// </summary>
    public static JsonObject Default() => new()
    {
        ["execute"] = new JsonObject
        {
            ["users"] = new JsonArray(), ["roles"] = new JsonArray("Admin", "Member"), ["teams"] = new JsonArray(), ["ownedByTeam"] = false, ["policy"] = null,
        },
        ["approve"] = new JsonObject
        {
            ["users"] = new JsonArray(), ["roles"] = new JsonArray(), ["teams"] = new JsonArray(), ["policy"] = null,
        },
    };

    /// <summary>An action's permissions: as last patched, else Port's default (called under the organisation lock).</summary>
    public static JsonObject Of(Organisation organisation, string identifier)
        => organisation.ActionPermissions.TryGetValue(identifier, out var permissions) ? permissions : Default();

    /// <summary>Validates a PATCH body, then merges it into the current permissions key by key.</summary>
    public static JsonObject Merge(JsonObject current, JsonObject patch)
    {
        Validate(patch);
        var merged = (JsonObject)current.DeepClone();
        foreach (var (section, changes) in patch)
        {
            var target = (JsonObject)merged[section]!;
            foreach (var (key, change) in (JsonObject)changes!)
            {
                target[key] = change?.DeepClone();
            }
        }

        return merged;
    }

    private static void Validate(JsonObject patch)
    {
        JsonChecks.AllowOnly(patch, "body", "execute", "approve");
        foreach (var (section, value) in patch)
        {
            var path = $"body/{section}";
            var changes = JsonChecks.Object(value, path);
            JsonChecks.AllowOnly(changes, path, section == "execute" ? ExecuteKeys : ApproveKeys);
            foreach (var key in new[] { "users", "roles", "teams" })
            {
                if (changes.ContainsKey(key))
                {
                    JsonChecks.StringArray(changes[key] as JsonArray ?? throw PortApiError.Invalid($"{path}/{key} must be an array"), $"{path}/{key}");
                }
            }

            JsonChecks.Boolean(changes, "ownedByTeam", path);
            if (changes.TryGetPropertyValue("policy", out var policy) && policy is not null)
            {
                ValidatePolicy(JsonChecks.Object(policy, $"{path}/policy"), $"{path}/policy");
            }
        }
    }

    private static void ValidatePolicy(JsonObject policy, string path)
    {
        JsonChecks.AllowOnly(policy, path, "queries", "conditions");
        JsonChecks.Require(policy, path, "queries", "conditions");
        var queries = JsonChecks.Object(policy["queries"], $"{path}/queries");
        if (queries.Count == 0)
        {
            throw PortApiError.Invalid($"{path}/queries must NOT have fewer than 1 properties");
        }

        foreach (var (name, query) in queries)
        {
            ValidateQuery(query, $"{path}/queries/{name}");
        }

        var conditions = policy["conditions"] as JsonArray ?? throw PortApiError.Invalid($"{path}/conditions must be an array");
        if (conditions.Count == 0)
        {
            throw PortApiError.Invalid($"{path}/conditions must NOT have fewer than 1 items");
        }

        var texts = JsonChecks.StringArray(conditions, $"{path}/conditions");
        for (var i = 0; i < texts.Count; i++)
        {
            if (texts[i].Length == 0)
            {
                throw PortApiError.Invalid($"{path}/conditions/{i} must NOT have fewer than 1 characters");
            }
        }
    }

    /// <summary>
    /// A query as the spec's entities-query schema has it: a closed <c>{combinator, rules}</c> whose rules
    /// are nested queries or leaf rules naming an <c>operator</c>. The rule variants themselves are
    /// checked when the policy is evaluated, where the emulator names the part it cannot evaluate.
    /// </summary>
    private static void ValidateQuery(JsonNode? node, string path)
    {
        var query = JsonChecks.Object(node, path);
        JsonChecks.AllowOnly(query, path, "combinator", "rules");
        JsonChecks.Require(query, path, "combinator", "rules");
        JsonChecks.String(query, "combinator", path);
        JsonChecks.OneOf(query, "combinator", path, "and", "or");
        var rules = query["rules"] as JsonArray ?? throw PortApiError.Invalid($"{path}/rules must be an array");
        for (var i = 0; i < rules.Count; i++)
        {
            var rulePath = $"{path}/rules/{i}";
            var rule = JsonChecks.Object(rules[i], rulePath);
            if (rule.ContainsKey("combinator"))
            {
                ValidateQuery(rule, rulePath);
            }
            else if (rule["operator"]?.GetValueKind() != JsonValueKind.String)
            {
                throw PortApiError.Invalid($"{rulePath} must have required property 'operator'");
            }
        }
    }
}

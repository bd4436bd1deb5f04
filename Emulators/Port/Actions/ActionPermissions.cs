using System.Text.Json.Nodes;
using Emulators.Port.Validation;

namespace Emulators.Port.Actions;

/// <summary>
/// <c>/v1/actions/{id}/permissions</c>: who may execute and approve. The emulator records them (the
/// Terraform provider reads them back) but does not enforce them: every caller is the organisation.
/// </summary>
internal static class ActionPermissions
{
    private static readonly string[] ExecuteKeys = ["users", "roles", "teams", "ownedByTeam", "policy"];
    private static readonly string[] ApproveKeys = ["users", "roles", "teams", "policy"];

    public static JsonObject Default() => new()
    {
        ["execute"] = new JsonObject
        {
            ["users"] = new JsonArray(), ["roles"] = new JsonArray("Admin"), ["teams"] = new JsonArray(), ["ownedByTeam"] = false, ["policy"] = null,
        },
        ["approve"] = new JsonObject
        {
            ["users"] = new JsonArray(), ["roles"] = new JsonArray(), ["teams"] = new JsonArray(), ["policy"] = null,
        },
    };

    /// <summary>Merges a PATCH body (strict keys) into the current permissions, key by key.</summary>
    public static JsonObject Merge(JsonObject current, JsonObject patch)
    {
        JsonChecks.AllowOnly(patch, "body", "execute", "approve");
        var merged = (JsonObject)current.DeepClone();
        foreach (var (section, value) in patch)
        {
            var path = $"body/{section}";
            var changes = JsonChecks.Object(value, path);
            JsonChecks.AllowOnly(changes, path, section == "execute" ? ExecuteKeys : ApproveKeys);
            foreach (var key in new[] { "users", "roles", "teams" })
            {
                if (JsonChecks.OptionalArray(changes, key, path) is { } list)
                {
                    JsonChecks.StringArray(list, $"{path}/{key}");
                }
            }

            JsonChecks.Boolean(changes, "ownedByTeam", path);
            var target = (JsonObject)merged[section]!;
            foreach (var (key, change) in changes)
            {
                target[key] = change?.DeepClone();
            }
        }

        return merged;
    }
}

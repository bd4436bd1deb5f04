using System.Text.Json.Nodes;
using Infra.Sdk;

namespace Infra.Cli.PulumiMode.Inputs;

/// <summary>
/// An action's permissions body → inputs of <c>port:index/actionPermissions:ActionPermissions</c>:
/// <c>actionIdentifier</c>, and <c>permissions.execute</c> / <c>permissions.approve</c> with the lists as
/// they are, <c>ownedByTeam</c> for execute only, and a dynamic <c>policy</c> as JSON text (the provider
/// takes it as a string; written as Go writes it, so a refresh reads back the same text). A null policy
/// is left out. Both sections are required by the provider's schema.
/// </summary>
public sealed class ActionPermissionsInputs : IProviderInputsRenderer
{
    private static readonly string[] Lists = ["roles", "teams", "users"];

    public JsonObject Render(JsonObject body, ResourceAddress address)
    {
        var action = InputShapes.Text(body["actionIdentifier"]) ?? throw new NotSupportedException("action permissions: the body names no actionIdentifier");
        var where = $"permissions of action '{action}'";
        if (body.Select(p => p.Key).FirstOrDefault(k => k is not ("actionIdentifier" or "execute" or "approve")) is { } unknown)
        {
            throw new NotSupportedException($"{where}: '{unknown}' has no provider input");
        }

        return new JsonObject
        {
            ["actionIdentifier"] = action,
            ["permissions"] = new JsonObject
            {
                ["execute"] = Section(body["execute"], where + " (execute)", ownedByTeam: true),
                ["approve"] = Section(body["approve"], where + " (approve)", ownedByTeam: false),
            },
        };
    }

    private static JsonObject Section(JsonNode? node, string where, bool ownedByTeam)
    {
        var section = node as JsonObject ?? throw new NotSupportedException($"{where}: missing; the provider requires it");
        var inputs = new JsonObject();
        foreach (var list in Lists)
        {
            inputs[list] = section[list] is JsonArray values ? values.DeepClone() : new JsonArray();
        }

        if (ownedByTeam)
        {
            inputs["ownedByTeam"] = section["ownedByTeam"]?.DeepClone() ?? false;
        }

        if (section["policy"] is JsonObject policy)
        {
            inputs["policy"] = GoJson.Write(policy);
        }

        var known = ownedByTeam ? new[] { "roles", "teams", "users", "ownedByTeam", "policy" } : ["roles", "teams", "users", "policy"];
        if (section.Select(p => p.Key).FirstOrDefault(k => !known.Contains(k, StringComparer.Ordinal)) is { } unknown)
        {
            throw new NotSupportedException($"{where}: '{unknown}' has no provider input");
        }

        return inputs;
    }
}

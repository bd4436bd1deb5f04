using System.Text.Json;
using System.Text.Json.Nodes;
using Emulators.Port.State;
using Emulators.Spacelift.Runs;
using Emulators.Spacelift.Webhooks;

namespace Emulators.Spacelift.State;

/// <summary>
/// What the Spacelift emulator keeps between runs when it has a state file: named webhooks (their secret
/// AES-GCM encrypted, as the Port emulator keeps secrets), policies and the run ledger (without the bearer
/// tokens that authorised the runs). Spaces, stacks and the run history are not kept: they are generated again
/// from the same seed, the history from the anchor the file keeps.
/// </summary>
internal static class SpaceliftSnapshot
{
    private const int Version = 1;

    public static byte[] Write(SpaceliftEmulator emulator, SecretProtector protector)
    {
        var root = new JsonObject
        {
            ["version"] = Version,
            ["namedWebhooks"] = new JsonArray([.. emulator.NamedWebhooks.All().Select(w => (JsonNode)new JsonObject
            {
                ["id"] = w.Id, ["name"] = w.Name, ["endpoint"] = w.Endpoint, ["space"] = w.Space, ["enabled"] = w.Enabled,
                ["protectedSecret"] = w.Secret is null ? null : protector.Protect(w.Secret),
                ["labels"] = Strings(w.Labels), ["retryOnFailure"] = w.RetryOnFailure, ["createdAt"] = w.CreatedAt,
            })]),
            ["policies"] = new JsonArray([.. emulator.Policies.All().Select(p => (JsonNode)new JsonObject
            {
                ["id"] = p.Id, ["name"] = p.Name, ["body"] = p.Body, ["type"] = p.Type, ["space"] = p.Space,
                ["description"] = p.Description, ["labels"] = Strings(p.Labels), ["engineType"] = p.EngineType,
                ["createdAt"] = p.CreatedAt, ["updatedAt"] = p.UpdatedAt,
            })]),
            ["historyAnchor"] = emulator.HistoryAnchor.ToUnixTimeMilliseconds(),
            ["runs"] = new JsonArray([.. emulator.Runs.All().Where(r => r.Outcome is null).Select(r => (JsonNode)new JsonObject
            {
                ["id"] = r.Id, ["stackId"] = r.StackId, ["type"] = r.Type, ["createdAt"] = r.CreatedAt.ToUnixTimeMilliseconds(),
                ["branch"] = r.Branch, ["commitSha"] = r.CommitSha, ["triggeredBy"] = r.TriggeredBy,
                ["runtimeConfigYaml"] = r.RuntimeConfigYaml, ["forceApply"] = r.ForceApply,
            })]),
        };
        return JsonSerializer.SerializeToUtf8Bytes(root);
    }

    /// <summary>The moment the generated run history ended when the file was written (null in files from before it was kept).</summary>
    /// <exception cref="InvalidDataException">The file is not JSON.</exception>
    public static DateTimeOffset? ReadAnchor(byte[] content)
    {
        try
        {
            return JsonNode.Parse(content)?["historyAnchor"] is JsonValue ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms.GetValue<long>()) : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"not a readable Spacelift emulator state file ({e.Message})", e);
        }
    }

    /// <exception cref="InvalidDataException">The file is not a state file this emulator wrote.</exception>
    public static void Read(byte[] content, SpaceliftEmulator emulator, SecretProtector protector)
    {
        try
        {
            var root = JsonNode.Parse(content)?.AsObject() ?? throw new InvalidDataException("empty state file");
            if (root["version"]?.GetValue<int>() != Version)
            {
                throw new InvalidDataException($"unsupported state file version {root["version"]}");
            }

            foreach (var w in root["namedWebhooks"]!.AsArray())
            {
                emulator.NamedWebhooks.Add(new NamedWebhook
                {
                    Id = Text(w, "id")!, Name = Text(w, "name")!, Endpoint = Text(w, "endpoint")!, Space = Text(w, "space")!,
                    Enabled = w!["enabled"]!.GetValue<bool>(),
                    Secret = Text(w, "protectedSecret") is { } secret ? protector.Unprotect(secret) : null,
                    Labels = ReadStrings(w["labels"]), RetryOnFailure = w["retryOnFailure"]!.GetValue<bool>(),
                    CreatedAt = w["createdAt"]?.GetValue<long>() ?? 0,
                });
            }

            foreach (var p in root["policies"]!.AsArray())
            {
                var type = Text(p, "type")!;
                var body = Text(p, "body")!;
                emulator.Policies.Add(new EmulatedPolicy
                {
                    Id = Text(p, "id")!, Name = Text(p, "name")!, Body = body, Type = type, Space = Text(p, "space")!,
                    Description = Text(p, "description"), Labels = ReadStrings(p!["labels"]), EngineType = Text(p, "engineType")!,
                    Rules = type == "NOTIFICATION" ? NotificationRuleParser.Parse(body) : [],
                    CreatedAt = p["createdAt"]?.GetValue<long>() ?? 0, UpdatedAt = p["updatedAt"]?.GetValue<long>() ?? 0,
                });
            }

            foreach (var r in root["runs"]!.AsArray())
            {
                emulator.Runs.Record(new EmulatedRun
                {
                    Id = Text(r, "id")!, StackId = Text(r, "stackId")!, Type = Text(r, "type")!,
                    CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(r!["createdAt"]!.GetValue<long>()),
                    Branch = Text(r, "branch")!, CommitSha = Text(r, "commitSha")!, TriggeredBy = Text(r, "triggeredBy")!,
                    Token = string.Empty, RuntimeConfigYaml = Text(r, "runtimeConfigYaml"), ForceApply = Text(r, "forceApply"),
                });
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException or FormatException
            or NotificationPolicyException or System.Security.Cryptography.CryptographicException)
        {
            throw new InvalidDataException($"not a readable Spacelift emulator state file ({e.Message})", e);
        }
    }

    private static string? Text(JsonNode? node, string key) => node![key]?.GetValue<string>();

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);

    private static IReadOnlyList<string> ReadStrings(JsonNode? node) => [.. node!.AsArray().Select(v => v!.GetValue<string>())];
}

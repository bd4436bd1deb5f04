using System.Text.Json.Nodes;

namespace Infra.Sdk;

/// <summary>
/// Where a kind carries a secret it shares with a resource of another service (the two ends of one
/// webhook: Port checks with it what Spacelift signs with it). The executor generates the value, never
/// prints it, and each end records a keyed fingerprint of it (in its description, or in a label for kinds
/// without one) so the executor knows whether both ends still hold the same value.
/// </summary>
/// <param name="Path">The field's path in the body (<c>security.secret</c>).</param>
/// <param name="ReadBack">
/// Whether the service may give something back in the field on reads (Port may; Spacelift does not): it is
/// masked wherever it could be printed, and never trusted to be the value (it may be a mask).
/// </param>
public sealed record SharedSecretField(IReadOnlyList<string> Path, bool ReadBack)
{
    /// <summary>The value in <paramref name="body"/>, or null when absent or empty.</summary>
    public Secret? ValueIn(JsonObject? body)
    {
        JsonNode? node = body;
        foreach (var name in Path)
        {
            node = (node as JsonObject)?[name];
        }

        return node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? new Secret(text) : null;
    }

    /// <summary>A copy of <paramref name="body"/> with <paramref name="value"/> in the field: only for the request.</summary>
    public JsonObject With(JsonObject body, Secret value)
    {
        var copy = body.DeepClone().AsObject();
        var parent = copy;
        foreach (var name in Path.SkipLast(1))
        {
            if (parent[name] is not JsonObject next)
            {
                next = [];
                parent[name] = next;
            }

            parent = next;
        }

        parent[Path[^1]] = value.Reveal();
        return copy;
    }

    /// <summary>A copy of <paramref name="body"/> without the field (what plans compare and show).</summary>
    public JsonObject Without(JsonObject body)
    {
        var copy = body.DeepClone().AsObject();
        JsonObject? parent = copy;
        foreach (var name in Path.SkipLast(1))
        {
            parent = parent?[name] as JsonObject;
        }

        parent?.Remove(Path[^1]);
        return copy;
    }
}

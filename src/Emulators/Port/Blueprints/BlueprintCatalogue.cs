using System.Text.Json.Nodes;

namespace Emulators.Port.Blueprints;

/// <summary>
/// The blueprints a definition is checked against: the stored ones, with the definition being written in
/// place of its stored version (so a relation to itself, and a mirror path through it, resolve).
/// </summary>
internal sealed class BlueprintCatalogue(IReadOnlyDictionary<string, BlueprintRecord> stored, JsonObject writing, bool creating)
{
    public string Writing { get; } = writing["identifier"]!.GetValue<string>();

    /// <summary>True when the definition is a new blueprint (POST), false for PUT and PATCH.</summary>
    public bool Creating { get; } = creating;

    public JsonObject? Find(string identifier)
        => identifier == Writing ? writing : stored.TryGetValue(identifier, out var record) ? record.Definition : null;

    /// <summary>The blueprints reachable from <paramref name="from"/> by following relations from source to target (itself excluded unless a cycle leads back).</summary>
    public IReadOnlySet<string> Upstream(string from)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>([from]);
        while (pending.TryDequeue(out var next))
        {
            if (Find(next) is not { } definition)
            {
                continue;
            }

            foreach (var (_, relation) in Relations(definition))
            {
                if (relation?["target"]?.GetValue<string>() is { } target && seen.Add(target))
                {
                    pending.Enqueue(target);
                }
            }
        }

        return seen;
    }

    /// <summary>Whether one blueprint leads to the other through relations, in either direction.</summary>
    public bool Related(string a, string b) => Upstream(a).Contains(b) || Upstream(b).Contains(a);

    public static JsonObject Relations(JsonObject definition) => definition["relations"] as JsonObject ?? [];

    public static JsonObject Properties(JsonObject definition) => definition["schema"]?["properties"] as JsonObject ?? [];
}

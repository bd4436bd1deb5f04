using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Infra.Sdk;
using Infra.Cli.Engine.Contract;

namespace Infra.Cli.Engine.Planning;

/// <summary>
/// Compares a live body with a desired one so that only real differences show: server-side fields
/// (from the kind's descriptor) are dropped, null/[]/{} equal an absent key, numbers compare by value, object key order is irrelevant,
/// array order matters (except for <c>required</c>, a set). Extra non-null keys inside live objects
/// (a header added in the UI) are differences.
/// </summary>
internal static class JsonBodies
{
    /// <summary>
    /// A copy of <paramref name="live"/> without what Port adds on its own, as the kind's descriptor
    /// lists it: server fields dropped, server defaults equal to their default (and not declared) dropped,
    /// or only the compared fields kept.
    /// </summary>
    public static JsonObject Normalize(ResourceKind kind, JsonObject live, JsonObject desired)
    {
        if (kind.ComparedFields is { } compared)
        {
            var projection = Project(live, compared);
            return kind.UnorderedArrays ? Sorted(projection) : projection;
        }

        var copy = (JsonObject)live.DeepClone();
        foreach (var field in ResourceKind.CommonServerFields)
        {
            copy.Remove(field);
        }

        foreach (var field in kind.ServerFields)
        {
            copy.Remove(field);
        }

        foreach (var field in kind.PartFields)
        {
            copy.Remove(field);
        }

        foreach (var (key, value) in kind.ServerDefaults)
        {
            if (!desired.ContainsKey(key) && copy[key] is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False && v.GetValue<bool>() == value)
            {
                copy.Remove(key);
            }
        }

        return kind.UnorderedArrays ? Sorted(copy) : copy;
    }

    /// <summary>The part of a declared body that is compared: the kind's compared fields, or all of it but what its parts write.</summary>
    public static JsonObject Compared(ResourceKind kind, JsonObject desired)
    {
        if (kind.ComparedFields is { } compared)
        {
            return Project(desired, compared.Where(desired.ContainsKey));
        }

        return kind.PartFields.Any(desired.ContainsKey) ? Project(desired, desired.Select(p => p.Key).Except(kind.PartFields)) : desired;
    }

    /// <summary>A copy of the named fields of <paramref name="body"/> (absent ones as null, which equals absent).</summary>
    private static JsonObject Project(JsonObject body, IEnumerable<string> fields)
    {
        var projection = new JsonObject();
        foreach (var field in fields)
        {
            projection[field] = body[field]?.DeepClone();
        }

        return projection;
    }

    /// <summary>
    /// Every array of strings in <paramref name="body"/> sorted in place (ordinal), for kinds whose arrays
    /// are sets; the declarations sort theirs, so only a real difference remains.
    /// </summary>
    private static JsonObject Sorted(JsonObject body)
    {
        foreach (var (key, value) in body.ToList())
        {
            switch (value)
            {
                case JsonObject inner:
                    Sorted(inner);
                    break;
                case JsonArray list when list.All(i => i is JsonValue v && v.GetValueKind() == JsonValueKind.String):
                    body[key] = new JsonArray([.. list.Select(i => i!.GetValue<string>()).Order(StringComparer.Ordinal).Select(t => (JsonNode)t)]);
                    break;
            }
        }

        return body;
    }

    /// <summary>Property-level differences from <paramref name="live"/> (already normalised) to <paramref name="desired"/>.</summary>
    public static IReadOnlyList<PropertyDiff> Diff(JsonObject live, JsonObject desired)
    {
        var diffs = new List<PropertyDiff>();
        DiffObjects(string.Empty, live, desired, diffs);
        return diffs;
    }

    public static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonObject o => o.Count == 0,
        JsonArray a => a.Count == 0,
        JsonValue v => v.GetValueKind() == JsonValueKind.Null,
        _ => false,
    };

    public static bool Equivalent(JsonNode? a, JsonNode? b, bool arrayIsSet = false)
    {
        if (IsEmpty(a) && IsEmpty(b))
        {
            return true;
        }

        switch (a, b)
        {
            case (JsonObject oa, JsonObject ob):
                return ObjectsEquivalent(oa, ob);
            case (JsonArray xa, JsonArray xb):
                if (xa.Count != xb.Count)
                {
                    return false;
                }

                if (arrayIsSet)
                {
                    return xa.Select(Canonical).Order(StringComparer.Ordinal)
                        .SequenceEqual(xb.Select(Canonical).Order(StringComparer.Ordinal), StringComparer.Ordinal);
                }

                return xa.Zip(xb).All(p => Equivalent(p.First, p.Second));
            case (JsonValue va, JsonValue vb):
                return ValuesEqual(va, vb);
            default:
                return false;
        }
    }

    // Hand-written loops: this runs for every entity of every plan, and LINQ over JsonObject keys
    // (Union, Concat) costs more than the comparison itself.
    private static bool ObjectsEquivalent(JsonObject a, JsonObject b)
    {
        foreach (var (key, value) in a)
        {
            b.TryGetPropertyValue(key, out var other);
            if (!Equivalent(value, other, key == "required"))
            {
                return false;
            }
        }

        foreach (var (key, value) in b)
        {
            if (!a.ContainsKey(key) && !IsEmpty(value))
            {
                return false;
            }
        }

        return true;
    }

    private static void DiffObjects(string prefix, JsonObject live, JsonObject desired, List<PropertyDiff> diffs)
    {
        var keys = new List<string>(desired.Count + live.Count);
        foreach (var (key, _) in desired)
        {
            keys.Add(key);
        }

        foreach (var (key, _) in live)
        {
            if (!desired.ContainsKey(key))
            {
                keys.Add(key);
            }
        }

        foreach (var key in keys)
        {
            var path = prefix.Length == 0 ? key : prefix + "." + key;
            live.TryGetPropertyValue(key, out var old);
            desired.TryGetPropertyValue(key, out var @new);
            if (Equivalent(old, @new, key == "required"))
            {
                continue;
            }

            if (old is JsonObject oldObject && @new is JsonObject newObject)
            {
                DiffObjects(path, oldObject, newObject, diffs);
            }
            else if (IsEmpty(old))
            {
                diffs.Add(new PropertyDiff(path, DiffKind.Add, null, @new?.DeepClone()));
            }
            else if (IsEmpty(@new))
            {
                diffs.Add(new PropertyDiff(path, DiffKind.Delete, old!.DeepClone(), null));
            }
            else
            {
                diffs.Add(new PropertyDiff(path, DiffKind.Update, old!.DeepClone(), @new!.DeepClone()));
            }
        }
    }

    private static bool ValuesEqual(JsonValue a, JsonValue b)
    {
        var kind = a.GetValueKind();
        if (kind != b.GetValueKind())
        {
            return false;
        }

        return kind switch
        {
            JsonValueKind.String => string.Equals(a.GetValue<string>(), b.GetValue<string>(), StringComparison.Ordinal),
            JsonValueKind.Number => NumbersEqual(a.ToJsonString(), b.ToJsonString()),
            _ => true,
        };
    }

    private static bool NumbersEqual(string a, string b)
    {
        if (decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var da)
            && decimal.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var db))
        {
            return da == db;
        }

        return double.Parse(a, CultureInfo.InvariantCulture) == double.Parse(b, CultureInfo.InvariantCulture);
    }

    private static string Canonical(JsonNode? node) => node?.ToJsonString() ?? "null";
}

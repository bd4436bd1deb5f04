using System.Text.Json.Nodes;
using Infra.Cli.Engine;
using Infra.Cli.Engine.Contract;

namespace Infra.Cli.Shell.Rendering;

/// <summary>
/// The property detail of one change. The engine's diffs when it gave any; for a create or delete
/// without diffs, every leaf of the body, as Pulumi lists all inputs of a new resource.
/// </summary>
public static class PropertyLines
{
    public static IReadOnlyList<PropertyLine> For(ResourceChange change)
    {
        if (change.Diffs.Count > 0)
        {
            return [.. change.Diffs.Select(d => new PropertyLine(
                d.Kind,
                d.Path,
                d.Kind == DiffKind.Add ? null : ValueFormatter.Format(d.Old),
                d.Kind == DiffKind.Delete ? null : ValueFormatter.Format(d.New)))];
        }

        return change.Kind switch
        {
            ChangeKind.Create when change.New is { } body => [.. Leaves(body, "").Select(l => new PropertyLine(DiffKind.Add, l.Path, null, l.Value))],
            ChangeKind.Delete when change.Old is { } body => [.. Leaves(body, "").Select(l => new PropertyLine(DiffKind.Delete, l.Path, l.Value, null))],
            _ => [],
        };
    }

    /// <summary>Pulumi's Info column: <c>[diff: +added~changed-removed]</c>, or empty.</summary>
    public static string DiffInfo(ResourceChange change)
    {
        if (change.Kind != ChangeKind.Update || change.Diffs.Count == 0)
        {
            return "";
        }

        string Group(DiffKind kind, string sign)
        {
            var paths = change.Diffs.Where(d => d.Kind == kind).Select(d => d.Path).Distinct().ToList();
            return paths.Count == 0 ? "" : sign + string.Join(",", paths);
        }

        return $"[diff: {Group(DiffKind.Add, "+")}{Group(DiffKind.Update, "~")}{Group(DiffKind.Delete, "-")}]";
    }

    private static IEnumerable<(string Path, string Value)> Leaves(JsonNode? node, string path)
    {
        if (node is JsonObject obj && obj.Count > 0)
        {
            return obj.SelectMany(p => Leaves(p.Value, path.Length == 0 ? p.Key : $"{path}.{p.Key}"));
        }

        return [(path, ValueFormatter.Format(node))];
    }
}

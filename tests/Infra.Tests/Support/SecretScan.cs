using System.Text.RegularExpressions;

namespace Infra.Tests.Support;

/// <summary>
/// Looks for known secret values in everything the program produced. A value counts as leaked when it
/// appears as is, or once whitespace is removed (a wrapped line must not hide a token). Leaks are
/// reported by place and value number, never by value.
/// </summary>
internal sealed partial class SecretScan
{
    private readonly List<(string Name, string Value)> _values = [];
    private readonly List<(string Where, string Text)> _texts = [];

    public int ValueCount => _values.Count;

    public int PlaceCount => _texts.Count;

    public void AddValue(string name, string value)
    {
        if (!_values.Any(v => v.Value == value))
        {
            _values.Add((name, value));
        }
    }

    public void AddText(string where, string text) => _texts.Add((where, text));

    public void AddRun(string where, CliRun run)
    {
        AddText(where + " stdout", run.Output);
        AddText(where + " stderr", run.Error);
    }

    public void AddFiles(string where, string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            AddText($"{where} {Path.GetRelativePath(directory, file)}", File.ReadAllText(file));
        }
    }

    /// <summary>"place: value name" for every leak found; empty when nothing leaked.</summary>
    public IReadOnlyList<string> Leaks()
    {
        var leaks = new List<string>();
        foreach (var (where, text) in _texts)
        {
            var flat = Whitespace().Replace(text, "");
            leaks.AddRange(_values.Where(v => text.Contains(v.Value, StringComparison.Ordinal) || flat.Contains(v.Value, StringComparison.Ordinal))
                .Select(v => $"{where}: {v.Name}"));
        }

        return leaks;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

using YamlDotNet.RepresentationModel;

namespace Infra.Cli.Config.Yaml;

/// <summary>
/// Edits a stack file's text in place, line by line, so that comments, blank lines and the other keys
/// (and their order) survive <c>config set</c> and <c>config rm</c>. YAML is parsed only to find where
/// each key starts; an entry runs to the line before the next key, less trailing blank lines and
/// comments at or left of its indentation (those belong to what follows).
/// </summary>
internal sealed class StackFileText
{
    private const string SectionName = "config";
    private const string DefaultIndent = "  ";
    private readonly string _path;
    private readonly string _newline;
    private readonly List<string> _lines;

    private StackFileText(string path, string text)
    {
        _path = path;
        _newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        _lines = [.. text.ReplaceLineEndings("\n").Split('\n')];
        if (_lines[^1].Length == 0)
        {
            _lines.RemoveAt(_lines.Count - 1);
        }
    }

    public static StackFileText Of(string path, string text) => new(path, text);

    public override string ToString() => _lines.Count == 0 ? "" : string.Join(_newline, _lines) + _newline;

    /// <summary>Writes <c>key: value</c> (or the <c>secure:</c> form) in place of the key's entry, or at the end of <c>config:</c>.</summary>
    public void Set(ConfigKey key, StackFileValue value)
    {
        var section = Section();
        var existing = section.Entries.FindIndex(entry => entry.Key == key);
        var indent = section.Entries.Count > 0 ? section.Entries[0].Indent : DefaultIndent;
        var rendered = Render(key, value, indent);
        if (existing >= 0)
        {
            var (first, last) = Extent(section, existing);
            _lines.RemoveRange(first, last - first + 1);
            _lines.InsertRange(first, rendered);
        }
        else if (section.Entries.Count > 0)
        {
            _lines.InsertRange(Extent(section, section.Entries.Count - 1).Last + 1, rendered);
        }
        else
        {
            _lines.InsertRange(section.Line + 1, rendered);
        }
    }

    /// <summary>Removes the key's entry; false when the file does not set it.</summary>
    public bool Remove(ConfigKey key)
    {
        var section = Section();
        var existing = section.Entries.FindIndex(entry => entry.Key == key);
        if (existing < 0)
        {
            return false;
        }

        var (first, last) = Extent(section, existing);
        _lines.RemoveRange(first, last - first + 1);
        return true;
    }

    /// <summary>Sets the top-level <c>encryptionsalt</c>, placed before <c>config:</c> as Pulumi orders it.</summary>
    public void SetEncryptionSalt(string salt)
    {
        var line = $"encryptionsalt: {YamlScalar.Render(salt)}";
        var root = Parse();
        var existing = TopLevelLine(root, "encryptionsalt");
        if (existing is { } index)
        {
            _lines[index] = line;
            return;
        }

        _lines.Insert(TopLevelLine(root, SectionName) ?? _lines.Count, line);
    }

    private static List<string> Render(ConfigKey key, StackFileValue value, string indent) => value switch
    {
        PlainValue plain => [$"{indent}{key}: {YamlScalar.Render(plain.Text)}"],
        SecureValue secure => [$"{indent}{key}:", $"{indent}{DefaultIndent}secure: {YamlScalar.Render(secure.Ciphertext)}"],
        _ => throw new ArgumentException("only plain and secure values are written", nameof(value)),
    };

    private YamlMappingNode Parse() => YamlFile.Parse(_path, ToString());

    private static int? TopLevelLine(YamlMappingNode root, string name)
    {
        var key = root.Children.Keys.FirstOrDefault(node => YamlFile.KeyText(node) == name);
        return key is null ? null : (int)key.Start.Line - 1;
    }

    /// <summary>The <c>config:</c> block, created empty at the end of the file when there is none.</summary>
    private ConfigSection Section()
    {
        var root = Parse();
        var keyNode = root.Children.Keys.FirstOrDefault(node => YamlFile.KeyText(node) == SectionName);
        if (keyNode is null)
        {
            _lines.Add($"{SectionName}:");
            return new ConfigSection(_lines.Count - 1, _lines.Count, []);
        }

        var line = (int)keyNode.Start.Line - 1;
        var end = root.Children.Keys.Select(node => (int)node.Start.Line - 1).Where(start => start > line).DefaultIfEmpty(_lines.Count).Min();
        var value = root.Children[keyNode];
        if (value is YamlMappingNode { Children.Count: > 0 } block)
        {
            if (block.Style == YamlDotNet.Core.Events.MappingStyle.Flow)
            {
                throw new ConfigException($"{_path}:{line + 1}: 'config' is written in flow style; rewrite it as a block (one key per line) to change it with the config command");
            }

            var entries = block.Children.Keys
                .Select(node => new ConfigEntryLine(
                    ConfigKey.TryParse(YamlFile.KeyText(node), null, out var key) ? key : default,
                    (int)node.Start.Line - 1,
                    new string(' ', (int)node.Start.Column - 1)))
                .ToList();
            return new ConfigSection(line, end, entries);
        }

        // `config:`, `config: {}` or `config: null`: start the block on a line of its own.
        _lines[line] = $"{SectionName}:";
        return new ConfigSection(line, end, []);
    }

    private (int First, int Last) Extent(ConfigSection section, int index)
    {
        var entry = section.Entries[index];
        var last = (index + 1 < section.Entries.Count ? section.Entries[index + 1].Line : section.End) - 1;
        while (last > entry.Line && BelongsToNext(_lines[last], entry.Indent.Length))
        {
            last--;
        }

        return (entry.Line, last);
    }

    private static bool BelongsToNext(string line, int indent)
    {
        var trimmed = line.TrimStart();
        return trimmed.Length == 0 || trimmed.StartsWith('#') && line.Length - trimmed.Length <= indent;
    }

    private sealed record ConfigSection(int Line, int End, List<ConfigEntryLine> Entries);

    private sealed record ConfigEntryLine(ConfigKey Key, int Line, string Indent);
}

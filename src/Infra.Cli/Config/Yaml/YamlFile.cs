using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Infra.Cli.Config.Yaml;

/// <summary>Reads a YAML file whose top level must be a mapping, turning parse errors into one-line messages.</summary>
internal static class YamlFile
{
    /// <summary>Parses <paramref name="text"/>; an empty document reads as an empty mapping.</summary>
    public static YamlMappingNode Parse(string path, string text)
    {
        var stream = new YamlStream();
        var parser = new TrackingParser(new Parser(new StringReader(text)));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e) when (IndentingTab(text) is { } tab)
        {
            // YamlDotNet places a tab's error where its scanner was (1:1, or the end of the line before); a tab
            // that indents a line is never valid YAML, so it is the cause to name.
            throw new ConfigException($"{path}:{tab.Line}:{tab.Column}: malformed YAML: a tab indents this line; YAML indents with spaces only", e);
        }
        catch (YamlException e)
        {
            throw new ConfigException($"{path}:{e.Start.Line}:{e.Start.Column}: malformed YAML: {Describe(e)}", e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner fails this way on some inputs (an unclosed flow sequence); the last
            // event it did parse is the best position we have.
            throw new ConfigException($"{path}:{parser.Position.Line}:{parser.Position.Column}: malformed YAML: cannot parse what follows", e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new YamlMappingNode();
        }

        if (stream.Documents.Count > 1)
        {
            throw new ConfigException($"{path}: malformed YAML: expected one document, found {stream.Documents.Count}");
        }

        return stream.Documents[0].RootNode as YamlMappingNode
            ?? throw new ConfigException($"{path}:{stream.Documents[0].RootNode.Start.Line}: expected a mapping at the top level");
    }

    /// <summary>The 1-based position of the first tab in a line's leading whitespace, or null.</summary>
    private static (int Line, int Column)? IndentingTab(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indent);
            if (tab >= 0)
            {
                return (i + 1, tab + 1);
            }
        }

        return null;
    }

    /// <summary>The string value of a top-level scalar key, or null when absent.</summary>
    public static string? Scalar(YamlMappingNode mapping, string key, string path)
    {
        if (!mapping.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return null;
        }

        return node switch
        {
            YamlScalarNode scalar => IsNull(scalar) ? null : scalar.Value,
            _ => throw new ConfigException($"{path}:{node.Start.Line}: '{key}' must be a string"),
        };
    }

    /// <summary>The text of a mapping key; complex keys (never valid in our files) read as their YAML.</summary>
    public static string KeyText(YamlNode key) => key is YamlScalarNode scalar ? scalar.Value ?? "" : key.ToString();

    /// <summary>True for an empty plain scalar or YAML's <c>null</c>/<c>~</c>.</summary>
    public static bool IsNull(YamlScalarNode scalar)
        => scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    /// <summary>Remembers where the last parsed event ended.</summary>
    private sealed class TrackingParser(IParser inner) : IParser
    {
        public Mark Position { get; private set; } = Mark.Empty;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            var moved = inner.MoveNext();
            Position = inner.Current?.End ?? Position;
            return moved;
        }
    }

    // YamlDotNet prefixes its messages with the marks we already print.
    private static string Describe(YamlException e)
    {
        var message = e.Message;
        var dash = message.LastIndexOf("): ", StringComparison.Ordinal);
        return (dash >= 0 ? message[(dash + 3)..] : message).ReplaceLineEndings(" ").Trim();
    }
}

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

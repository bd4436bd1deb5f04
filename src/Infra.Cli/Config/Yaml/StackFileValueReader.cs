using System.Text;
using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace Infra.Cli.Config.Yaml;

/// <summary>Turns a YAML node under <c>config:</c> into a <see cref="StackFileValue"/>.</summary>
internal static class StackFileValueReader
{
    private static readonly YamlScalarNode SecureKey = new("secure");

    public static StackFileValue Read(YamlNode node)
    {
        if (node is YamlScalarNode scalar)
        {
            return new PlainValue(Text(scalar));
        }

        return TrySecure(node, out var ciphertext) ? new SecureValue(ciphertext) : new ObjectValue(ToJson(node));
    }

    private static string Text(YamlScalarNode scalar) => YamlFile.IsNull(scalar) ? "" : scalar.Value ?? "";

    private static bool TrySecure(YamlNode node, out string ciphertext)
    {
        ciphertext = "";
        if (node is YamlMappingNode { Children.Count: 1 } map
            && map.Children.TryGetValue(SecureKey, out var secure)
            && secure is YamlScalarNode text)
        {
            ciphertext = text.Value ?? "";
            return true;
        }

        return false;
    }

    private static string ToJson(YamlNode node)
    {
        var builder = new StringBuilder();
        Append(builder, node);
        return builder.ToString();
    }

    // Secrets nested in an object (pulumi config set --path --secret) stay masked.
    private static void Append(StringBuilder builder, YamlNode node)
    {
        if (node is YamlScalarNode scalar)
        {
            builder.Append(JsonSerializer.Serialize(Text(scalar)));
        }
        else if (TrySecure(node, out _))
        {
            builder.Append(JsonSerializer.Serialize(Infra.Sdk.Secret.Mask));
        }
        else if (node is YamlSequenceNode sequence)
        {
            builder.Append('[');
            AppendJoined(builder, sequence.Children, item => Append(builder, item));
            builder.Append(']');
        }
        else
        {
            builder.Append('{');
            AppendJoined(builder, ((YamlMappingNode)node).Children, entry =>
            {
                builder.Append(JsonSerializer.Serialize(entry.Key is YamlScalarNode key ? Text(key) : "?")).Append(':');
                Append(builder, entry.Value);
            });
            builder.Append('}');
        }
    }

    private static void AppendJoined<T>(StringBuilder builder, IEnumerable<T> items, Action<T> append)
    {
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                builder.Append(',');
            }

            append(item);
            first = false;
        }
    }
}

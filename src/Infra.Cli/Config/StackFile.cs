using Infra.Cli.Config.Yaml;
using YamlDotNet.RepresentationModel;

namespace Infra.Cli.Config;

/// <summary>
/// <c>Pulumi.&lt;stack&gt;.yaml</c> as read: the passphrase provider's <c>encryptionsalt</c> and the
/// <c>config:</c> entries in file order, keys normalised (<c>ns:config:name</c> reads as <c>ns:name</c>).
/// </summary>
public sealed record StackFile(string Path, string? EncryptionSalt, IReadOnlyList<KeyValuePair<ConfigKey, StackFileValue>> Config)
{
    public static string FileName(string stack) => $"Pulumi.{stack}.yaml";

    public StackFileValue? Find(ConfigKey key) => Config.FirstOrDefault(entry => entry.Key == key).Value;

    public static StackFile Parse(string path, string text)
    {
        var root = YamlFile.Parse(path, text);
        var provider = YamlFile.Scalar(root, "secretsprovider", path);
        if (provider is not (null or "" or "default" or "passphrase"))
        {
            throw new ConfigException($"{path}: secretsprovider '{provider}' is not supported; only the passphrase provider (encryptionsalt) is");
        }

        var salt = YamlFile.Scalar(root, "encryptionsalt", path);
        var entries = new List<KeyValuePair<ConfigKey, StackFileValue>>();
        if (!root.Children.TryGetValue(new YamlScalarNode("config"), out var node) || node is YamlScalarNode s && YamlFile.IsNull(s))
        {
            return new StackFile(path, salt, entries);
        }

        if (node is not YamlMappingNode block)
        {
            throw new ConfigException($"{path}:{node.Start.Line}: 'config' must be a map of configuration keys");
        }

        var seen = new HashSet<ConfigKey>();
        foreach (var (keyNode, valueNode) in block.Children)
        {
            var keyText = YamlFile.KeyText(keyNode);
            if (!ConfigKey.TryParse(keyText, null, out var key))
            {
                throw new ConfigException($"{path}:{keyNode.Start.Line}: {ConfigKey.ParseError(keyText)}");
            }

            if (!seen.Add(key))
            {
                throw new ConfigException($"{path}:{keyNode.Start.Line}: configuration key '{key}' is set twice");
            }

            entries.Add(new(key, StackFileValueReader.Read(valueNode)));
        }

        return new StackFile(path, salt, entries);
    }
}

using System.Text.RegularExpressions;
using Infra.Cli.Config.Yaml;
using YamlDotNet.RepresentationModel;

namespace Infra.Cli.Config;

/// <summary>Pulumi.yaml: the project's name, where stack files live, and the project config schema.</summary>
internal sealed partial record ProjectFile(
    string Path,
    string Name,
    string StackConfigDirectory,
    IReadOnlyDictionary<ConfigKey, ProjectConfigEntry> Config)
{
    public const string FileName = "Pulumi.yaml";

    private static readonly HashSet<string> EntryAttributes = ["type", "description", "items", "default", "value", "secret"];
    private static readonly HashSet<string> RuntimeAttributes = ["name", "options"];

    /// <summary>Reads and validates Pulumi.yaml in <paramref name="projectDirectory"/>, with Pulumi's rules (docs/pulumi-formats.md §1).</summary>
    public static ProjectFile Load(string projectDirectory)
    {
        var path = System.IO.Path.Combine(projectDirectory, FileName);
        if (!File.Exists(path))
        {
            throw new ConfigException($"no {FileName} project file found in '{projectDirectory}' (pass --cwd to point at the project directory)");
        }

        var root = YamlFile.Parse(path, File.ReadAllText(path));
        var name = YamlFile.Scalar(root, "name", path);
        if (string.IsNullOrEmpty(name))
        {
            throw new ConfigException($"{path}: project is missing a 'name' attribute");
        }

        if (!ProjectName().IsMatch(name))
        {
            throw new ConfigException($"{path}: project name '{name}' may only contain alphanumerics, hyphens, underscores, and periods");
        }

        ValidateRuntime(root, path);
        var stackConfigDir = YamlFile.Scalar(root, "stackConfigDir", path);
        var directory = stackConfigDir is null ? projectDirectory : System.IO.Path.Combine(projectDirectory, stackConfigDir);
        return new ProjectFile(path, name, directory, ReadConfig(root, path, name));
    }

    private static void ValidateRuntime(YamlMappingNode root, string path)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode("runtime"), out var runtime)
            || runtime is YamlScalarNode scalar && (YamlFile.IsNull(scalar) || scalar.Value!.Length == 0))
        {
            throw new ConfigException($"{path}: project is missing a 'runtime' attribute");
        }

        if (runtime is YamlMappingNode map)
        {
            foreach (var key in map.Children.Keys)
            {
                var attribute = YamlFile.KeyText(key);
                if (!RuntimeAttributes.Contains(attribute))
                {
                    throw new ConfigException($"{path}:{key.Start.Line}: runtime: additional property '{attribute}' is not allowed");
                }
            }

            if (string.IsNullOrEmpty(YamlFile.Scalar(map, "name", path)))
            {
                throw new ConfigException($"{path}:{runtime.Start.Line}: runtime: missing property 'name'");
            }
        }
        else if (runtime is not YamlScalarNode)
        {
            throw new ConfigException($"{path}:{runtime.Start.Line}: runtime must be a string or a map with 'name' and 'options'");
        }
    }

    private static Dictionary<ConfigKey, ProjectConfigEntry> ReadConfig(YamlMappingNode root, string path, string project)
    {
        var config = new Dictionary<ConfigKey, ProjectConfigEntry>();
        if (!root.Children.TryGetValue(new YamlScalarNode("config"), out var node) || node is YamlScalarNode s && YamlFile.IsNull(s))
        {
            return config;
        }

        if (node is not YamlMappingNode block)
        {
            throw new ConfigException($"{path}:{node.Start.Line}: 'config' must be a map of configuration keys");
        }

        foreach (var (keyNode, valueNode) in block.Children)
        {
            var text = YamlFile.KeyText(keyNode);
            if (!ConfigKey.TryParse(text, project, out var key))
            {
                throw new ConfigException($"{path}:{keyNode.Start.Line}: {ConfigKey.ParseError(text)}");
            }

            var where = $"{path}:{keyNode.Start.Line}";
            if (!config.TryAdd(key, ReadEntry(valueNode, key, key.Namespace == project, where)))
            {
                throw new ConfigException($"{where}: configuration key '{key}' is declared twice");
            }
        }

        return config;
    }

    private static ProjectConfigEntry ReadEntry(YamlNode node, ConfigKey key, bool ownNamespace, string where)
    {
        // A scalar or a list is shorthand: a default for our own keys, a value for other namespaces.
        if (node is not YamlMappingNode map)
        {
            var shorthand = StackFileValueReader.Read(node);
            return ownNamespace ? new ProjectConfigEntry(null, shorthand, null) : new ProjectConfigEntry(null, null, shorthand);
        }

        foreach (var attributeNode in map.Children.Keys)
        {
            var attribute = YamlFile.KeyText(attributeNode);
            if (!EntryAttributes.Contains(attribute))
            {
                throw new ConfigException($"{where}: configuration key '{key}' has an unknown attribute '{attribute}'");
            }
        }

        var type = YamlFile.Scalar(map, "type", where);
        var defaultValue = Attribute(map, "default");
        var value = Attribute(map, "value");
        if (!ownNamespace)
        {
            if (type is not null)
            {
                throw new ConfigException($"{where}: Configuration key '{key}' is not namespaced by the project and should not define a type");
            }

            if (defaultValue is not null)
            {
                throw new ConfigException($"{where}: Configuration key '{key}' is not namespaced by the project and should not define a default value. Did you mean to use the 'value' attribute instead of 'default'?");
            }

            if (value is null)
            {
                throw new ConfigException($"{where}: Configuration key '{key}' is not namespaced by the project and should set a 'value'");
            }
        }

        if (defaultValue is not null && value is not null)
        {
            throw new ConfigException($"{where}: project config '{key}' cannot have both a 'default' and 'value' attribute");
        }

        if (type is not null)
        {
            ValidateType(map, key, type, defaultValue ?? value, where);
        }

        return new ProjectConfigEntry(type, defaultValue, value);
    }

    private static void ValidateType(YamlMappingNode map, ConfigKey key, string type, StackFileValue? initial, string where)
    {
        if (!ConfigTypes.All.Contains(type))
        {
            throw new ConfigException($"{where}: configuration key '{key}' has an invalid type '{type}'; expected one of {string.Join(", ", ConfigTypes.All)}");
        }

        if (type == ConfigTypes.Array && Attribute(map, "items") is null)
        {
            throw new ConfigException($"{where}: The configuration key '{key}' declares an array but does not specify the underlying type via 'items'");
        }

        if (initial is not null && !ConfigTypes.Matches(type, initial))
        {
            throw new ConfigException($"{where}: The default value specified for configuration key '{key}' is not of the expected type '{type}'");
        }
    }

    private static StackFileValue? Attribute(YamlMappingNode map, string name)
        => map.Children.TryGetValue(new YamlScalarNode(name), out var node) ? StackFileValueReader.Read(node) : null;

    [GeneratedRegex("^[A-Za-z0-9_.-]+$")]
    private static partial Regex ProjectName();
}

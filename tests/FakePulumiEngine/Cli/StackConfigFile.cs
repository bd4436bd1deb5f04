using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FakePulumiEngine.Cli;

/// <summary>
/// <c>Pulumi.&lt;stack&gt;.yaml</c> as the CLI reads and writes it (pulumi/pulumi <c>loaders.go</c>
/// <c>LoadProjectStackBytes</c> and <c>stackConfigNamespacedWithProject</c>; <c>config/value.go</c>
/// <c>UnmarshalYAML</c>): a bare key <c>x</c> is <c>&lt;project&gt;:x</c>; a scalar is stored as text
/// (<c>25</c> and <c>true</c> become "25" and "true"); <c>{secure: c}</c> is ciphertext; a map or list is
/// JSON text. Other top-level keys (<c>encryptionsalt</c>, <c>secretsprovider</c>) are kept as they are.
/// </summary>
public sealed class StackConfigFile
{
    private readonly SortedDictionary<string, ConfigValue> _config = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string> _other = new(StringComparer.Ordinal);

    private StackConfigFile(string path) => Path = path;

    public string Path { get; }

    /// <summary>The values by <c>namespace:name</c>.</summary>
    public IReadOnlyDictionary<string, ConfigValue> Config => _config;

    public static StackConfigFile Load(string path, string project)
    {
        var file = new StackConfigFile(path);
        if (!File.Exists(path))
        {
            return file;
        }

        if (YamlTree.Parse(File.ReadAllText(path), path) is not JsonObject root)
        {
            return file;
        }

        foreach (var (key, node) in root)
        {
            if (key != "config")
            {
                file._other[key] = node?.ToString() ?? "";
            }
        }

        foreach (var (key, node) in root["config"] as JsonObject ?? [])
        {
            var (ns, name) = PulumiProject.ParseKey(project, key);
            file._config[$"{ns}:{name}"] = Value(node);
        }

        return file;
    }

    /// <summary><c>pulumi config set [--secret] key value</c>: the text as given (no type check, as the CLI does none), encrypted when secret.</summary>
    public void Set(string project, string key, string text, bool secret, Func<string, string> encrypt)
    {
        var (ns, name) = PulumiProject.ParseKey(project, key);
        _config[$"{ns}:{name}"] = secret ? new ConfigValue(encrypt(text), Secure: true) : new ConfigValue(text);
    }

    public void Save()
    {
        var text = new StringBuilder();
        foreach (var (key, value) in _other)
        {
            text.Append(key).Append(": ").Append(JsonSerializer.Serialize(value)).Append('\n');
        }

        text.Append("config:\n");
        foreach (var (key, value) in _config)
        {
            // JSON text is a YAML flow value, and a JSON string a YAML double-quoted scalar.
            text.Append("  ").Append(key).Append(':');
            text.Append(value switch
            {
                { Secure: true } => "\n    secure: " + JsonSerializer.Serialize(value.Text),
                { Object: true } => " " + value.Text,
                _ => " " + JsonSerializer.Serialize(value.Text),
            });
            text.Append('\n');
        }

        File.WriteAllText(Path, text.ToString());
    }

    private static ConfigValue Value(JsonNode? node) => node switch
    {
        JsonObject map when map.Count == 1 && map["secure"] is JsonValue secure => new ConfigValue(secure.ToString(), Secure: true),
        JsonObject or JsonArray => ContainsSecure(node) ? throw new PulumiCliException("nested secure values are not supported by this fake") : new ConfigValue(node.ToJsonString(), Object: true),
        null => new ConfigValue(""),
        JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String => new ConfigValue(scalar.GetValue<string>()),
        // Numbers and booleans are re-marshalled as JSON text: 25 -> "25", true -> "true".
        _ => new ConfigValue(node.ToJsonString()),
    };

    private static bool ContainsSecure(JsonNode? node) => node switch
    {
        JsonObject map => map.ContainsKey("secure") || map.Any(p => ContainsSecure(p.Value)),
        JsonArray list => list.Any(ContainsSecure),
        _ => false,
    };
}

using System.Reflection;
using System.Text.Json.Nodes;
using Json.Schema;

namespace FakePulumiEngine.Cli;

/// <summary>
/// Pulumi.yaml loaded as the CLI loads it (pulumi/pulumi <c>sdk/go/common/workspace/loaders.go</c>
/// <c>LoadProjectBytes</c>, <c>project.go</c> <c>ValidateProject</c>, <c>RewriteShorthandConfigValues</c> and
/// <c>Project.Validate</c>): the name, then Pulumi's own project.json schema, then the shorthand rewrite,
/// then the config declarations' rules. Every failure is the CLI's message.
/// </summary>
public sealed record PulumiProject(string Name, IReadOnlyList<ProjectConfigType> Config)
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("FakePulumiEngine.Cli.project.json")
            ?? throw new InvalidOperationException("project.json is not embedded");
        return JsonSchema.FromText(new StreamReader(stream).ReadToEnd());
    });

    public static PulumiProject Load(string path) => Parse(File.ReadAllText(path), path);

    public static PulumiProject Parse(string yaml, string path)
    {
        var raw = YamlTree.Parse(yaml, path) as JsonObject ?? throw new PulumiCliException($"{path}: project is missing a 'name' attribute");
        if (!raw.TryGetPropertyValue("name", out var nameNode) || nameNode is null)
        {
            throw new PulumiCliException("project is missing a 'name' attribute");
        }

        if (nameNode.GetValueKind() != System.Text.Json.JsonValueKind.String || nameNode.GetValue<string>().Length == 0)
        {
            throw new PulumiCliException("project is missing a non-empty string 'name' attribute");
        }

        var problems = SchemaProblems(raw);
        if (problems.Count > 0)
        {
            throw new PulumiCliException($"{path}: " + string.Join("; ", problems));
        }

        var name = nameNode.GetValue<string>();
        var config = new List<ProjectConfigType>();
        if (raw["config"] is JsonObject entries)
        {
            foreach (var (key, node) in entries)
            {
                config.Add(Declaration(name, key, node));
            }
        }

        foreach (var entry in config)
        {
            Validate(name, entry);
        }

        return new PulumiProject(name, config);
    }

    /// <summary>The schema's complaints as the CLI lists them: <c>#/&lt;path&gt;: &lt;message&gt;</c>.</summary>
    public static IReadOnlyList<string> SchemaProblems(JsonNode raw)
    {
        var results = Schema.Value.Evaluate(System.Text.Json.JsonSerializer.SerializeToElement(raw), new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        // A failing branch under a passing oneOf (runtime: a string, not the object form) is no problem.
        var details = results.Details ?? [];
        var passed = details.Where(d => d.IsValid).Select(d => d.EvaluationPath.ToString() + "/").ToList();
        return [.. details.Where(d => d.Errors is { Count: > 0 } && !passed.Any(p => d.EvaluationPath.ToString().StartsWith(p, StringComparison.Ordinal)))
            .SelectMany(d => d.Errors!.Select(e => $"#{d.InstanceLocation}: {e.Value}"))
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>A key of the project's own namespace: no ':' at all, or '&lt;project&gt;:'.</summary>
    public static bool IsProjectKey(string project, string key) => !key.Contains(':', StringComparison.Ordinal) || key.StartsWith(project + ":", StringComparison.Ordinal);

    /// <summary><c>x</c> is <c>&lt;project&gt;:x</c>; otherwise split at the first ':'.</summary>
    public static (string Namespace, string Name) ParseKey(string project, string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (project, key) : (key[..colon], key[(colon + 1)..]);
    }

    private static ProjectConfigType Declaration(string project, string key, JsonNode? node)
    {
        // RewriteShorthandConfigValues: a scalar or array stands for {default: v} (project keys) or {value: v}.
        if (node is not JsonObject declaration)
        {
            var copy = node?.DeepClone();
            return IsProjectKey(project, key)
                ? new ProjectConfigType(key, null, null, copy, null, false)
                : new ProjectConfigType(key, null, null, null, copy, false);
        }

        return new ProjectConfigType(
            key,
            declaration["type"]?.GetValue<string>(),
            declaration["items"]?.DeepClone(),
            declaration["default"]?.DeepClone(),
            declaration["value"]?.DeepClone(),
            declaration["secret"]?.GetValue<bool>() == true);
    }

    private static void Validate(string project, ProjectConfigType entry)
    {
        var key = entry.Key;
        if (entry.Default is not null && entry.Value is not null)
        {
            throw new PulumiCliException($"project config '{key}' cannot have both a 'default' and 'value' attribute");
        }

        if (IsProjectKey(project, key))
        {
            if (entry.Type == "array" && entry.Items is null)
            {
                throw new PulumiCliException($"The configuration key '{key}' declares an array but does not specify the underlying type via the 'items' attribute");
            }

            if (entry.Type is { } type && entry.Default is { } value && !ConfigTypeCheck.Matches(type, entry.Items, value))
            {
                throw new PulumiCliException($"The default value specified for configuration key '{key}' is not of the expected type '{ConfigTypeCheck.FullTypeName(type, entry.Items)}'");
            }

            return;
        }

        if (entry.Type is not null)
        {
            throw new PulumiCliException($"Configuration key '{key}' is not namespaced by the project and should not define a type");
        }

        if (entry.Default is not null)
        {
            throw new PulumiCliException($"Configuration key '{key}' is not namespaced by the project and should not define a default value. Did you mean to use the 'value' attribute instead of 'default'?");
        }

        if (entry.Value is null)
        {
            throw new PulumiCliException($"Configuration key '{key}' is namespaced and must provide an attribute 'value'");
        }
    }
}

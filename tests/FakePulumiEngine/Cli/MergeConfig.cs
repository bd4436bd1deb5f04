using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FakePulumiEngine.Cli;

/// <summary>
/// pulumi/pulumi <c>pkg/workspace/config.go</c> <c>mergeConfig</c>: the project's declarations applied to a
/// stack's values. With <c>validate</c> (<c>ValidateStackConfigAndApplyProjectConfig</c>: up, preview,
/// import, refresh, destroy) a project-namespaced key with no stack value, no <c>default</c> and no
/// <c>value</c> is missing, and typed keys are checked; without it (<c>ApplyProjectConfig</c>: <c>pulumi
/// config</c>, <c>--skip-config-validation</c>) only the defaults are added. A default never overrides a
/// stack value; a string, integer or boolean default is added as plain text (<c>90</c> → "90").
/// </summary>
public static class MergeConfig
{
    /// <summary>The CLI's prefix on a validation failure (<c>pkg/cmd/pulumi/operations/up.go</c>).</summary>
    public const string Prefix = "validating stack config: ";

    public static SortedDictionary<string, ConfigValue> Apply(
        string stack,
        PulumiProject project,
        IReadOnlyDictionary<string, ConfigValue> values,
        Func<string, string> decrypt,
        bool validate)
    {
        var merged = new SortedDictionary<string, ConfigValue>(values.ToDictionary(), StringComparer.Ordinal);
        var missing = new List<string>();
        var declarations = project.Config.OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        foreach (var entry in declarations)
        {
            var (ns, name) = PulumiProject.ParseKey(project.Name, entry.Key);
            var key = $"{ns}:{name}";
            if (merged.ContainsKey(key))
            {
                continue;
            }

            if (entry.Value is null && entry.Default is null)
            {
                if (ns == project.Name)
                {
                    missing.Add(entry.Key);
                }

                continue;
            }

            merged[key] = Default(entry.Default ?? entry.Value!);
        }

        if (!validate)
        {
            return merged;
        }

        if (missing.Count > 0)
        {
            var list = missing.Count == 1 ? $"value '{missing[0]}'" : $"values {string.Join(", ", missing[..^1].Select(k => $"'{k}'"))} and '{missing[^1]}'";
            throw new PulumiCliException($"{Prefix}Stack '{stack}' is missing configuration {list}");
        }

        foreach (var entry in declarations.Where(d => d.Type is not null))
        {
            var (ns, name) = PulumiProject.ParseKey(project.Name, entry.Key);
            var value = merged.GetValueOrDefault($"{ns}:{name}") ?? new ConfigValue("");
            if (entry.Secret && !value.Secure)
            {
                throw new PulumiCliException($"{Prefix}Stack '{stack}' with configuration key '{entry.Key}' must be encrypted as it's secret");
            }

            var text = value.Secure ? decrypt(value.Text) : value.Text;
            var content = value.Object ? JsonNode.Parse(text) : JsonValue.Create(text);
            if (!ConfigTypeCheck.Matches(entry.Type!, entry.Items, content))
            {
                throw new PulumiCliException($"{Prefix}Stack '{stack}' with configuration key '{entry.Key}' must be of type '{ConfigTypeCheck.FullTypeName(entry.Type!, entry.Items)}'");
            }
        }

        return merged;
    }

    /// <summary><c>createConfigValue</c>: fmt's <c>%v</c> for string, int and bool; JSON text (an object value) for the rest.</summary>
    private static ConfigValue Default(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.String => new ConfigValue(value.GetValue<string>()),
        JsonValueKind.True => new ConfigValue("true"),
        JsonValueKind.False => new ConfigValue("false"),
        JsonValueKind.Number when value.AsValue().TryGetValue<long>(out var number) => new ConfigValue(number.ToString(CultureInfo.InvariantCulture)),
        _ => new ConfigValue(value.ToJsonString(), Object: true),
    };
}

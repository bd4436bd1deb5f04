namespace Infra.Cli.Config;

/// <summary>
/// The keys this project and its providers take, so a key misspelt in a stack file or in <c>config set</c>
/// is refused naming the one that was meant, instead of being ignored while its setting keeps its default.
/// Keys of the project's namespace are those Pulumi.yaml declares, and the demo's (undeclared because
/// the Pulumi CLI would require them on every stack). Keys of other namespaces than the project's and its
/// two providers' are a user's own and are left alone, as Pulumi leaves them.
/// </summary>
internal static class ConfigKeyCatalog
{
    /// <summary>
    /// The providers' configuration keys: the Port Pulumi provider's (port-labs/pulumi-port 2.21.10 schema,
    /// <c>config.variables</c>) and the Spacelift Terraform provider's as Pulumi's bridge names them
    /// (spacelift-io/terraform-provider-spacelift v1.53.5 <c>spacelift/provider.go</c>: <c>api_key_endpoint</c>,
    /// <c>api_key_id</c>, <c>api_key_secret</c>, <c>api_token</c>).
    /// </summary>
    private static readonly Dictionary<string, string[]> ProviderKeys = new(StringComparer.Ordinal)
    {
        ["port"] = ["baseUrl", "blueprintPropertyTypeChangeProtection", "clientId", "jsonEscapeHtml", "secret", "token"],
        ["spacelift"] = ["apiKeyEndpoint", "apiKeyId", "apiKeySecret", "apiToken"],
    };

    private static readonly string[] UndeclaredProjectKeys = ["demoStacks", "demoStateFile", "demoTokenLifetimeSeconds", "demoClockSpeed", "demoEmulators"];

    /// <summary>Why <paramref name="key"/> is not a key of this project or its providers; null when it is one, or a user's own.</summary>
    public static string? Problem(ProjectFile project, ConfigKey key)
    {
        var known = Known(project, key.Namespace);
        if (known is null || known.Contains(key.Name, StringComparer.Ordinal))
        {
            return null;
        }

        var nearest = known.MinBy(name => Distance(name, key.Name));
        var hint = nearest is not null && Distance(nearest, key.Name) <= Math.Max(2, key.Name.Length / 3)
            ? $"did you mean '{key.Namespace}:{nearest}'?"
            : $"the known keys of '{key.Namespace}' are {string.Join(", ", known.Order(StringComparer.Ordinal))}";
        return key.Namespace == project.Name
            ? $"configuration key '{key}' is not declared in {ProjectFile.FileName}: {hint}"
            : $"configuration key '{key}' is not a setting of the {key.Namespace} provider: {hint}";
    }

    /// <summary>Every key <paramref name="stackFile"/> sets that <see cref="Problem"/> refuses: the first, as one line.</summary>
    /// <exception cref="ConfigException">A key is unknown.</exception>
    public static void ThrowIfUnknown(ProjectFile project, StackFile stackFile)
    {
        foreach (var (key, _) in stackFile.Config)
        {
            if (Problem(project, key) is { } problem)
            {
                throw new ConfigException($"{stackFile.Path}: {problem}");
            }
        }
    }

    private static IReadOnlyCollection<string>? Known(ProjectFile project, string space)
    {
        if (space == project.Name)
        {
            return [.. project.Config.Keys.Where(k => k.Namespace == space).Select(k => k.Name), .. UndeclaredProjectKeys];
        }

        return ProviderKeys.GetValueOrDefault(space);
    }

    /// <summary>Edit distance, case-insensitive (a key typed in the wrong case is the likeliest typo of all).</summary>
    private static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}

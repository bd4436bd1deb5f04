using Infra.Cli.Config.Yaml;
using Infra.Sdk;

namespace Infra.Cli.Config;

/// <summary>Reads and validates Pulumi.yaml, Pulumi.&lt;stack&gt;.yaml and the environment.</summary>
/// <remarks>
/// <para>Precedence, highest first: a non-empty environment variable, the stack file, the Pulumi.yaml
/// <c>value</c>/<c>default</c>, then the provider's default (only <c>port:baseUrl</c> has one).</para>
/// <para>Provider keys and their variables: <c>port:baseUrl</c> [PORT_BASE_URL], <c>port:clientId</c>
/// [PORT_CLIENT_ID], <c>port:secret</c> [PORT_CLIENT_SECRET], <c>spacelift:apiKeyEndpoint</c>
/// [SPACELIFT_API_KEY_ENDPOINT], <c>spacelift:apiKeyId</c> [SPACELIFT_API_KEY_ID],
/// <c>spacelift:apiKeySecret</c> [SPACELIFT_API_KEY_SECRET].</para>
/// <para>Every key of the project's own namespace may also come from <c>&lt;PROJECT&gt;_&lt;UPPER_SNAKE_NAME&gt;</c>:
/// for the project <c>infra</c>, <c>infra:stateDir</c> is INFRA_STATE_DIR, <c>infra:pruneThresholdPercent</c>
/// is INFRA_PRUNE_THRESHOLD_PERCENT, <c>infra:tokenRotationWindowMinutes</c> is
/// INFRA_TOKEN_ROTATION_WINDOW_MINUTES, <c>infra:concurrency</c> INFRA_CONCURRENCY, <c>infra:insecure</c>
/// INFRA_INSECURE, <c>infra:blueprint</c> INFRA_BLUEPRINT, <c>infra:demoStacks</c> INFRA_DEMO_STACKS and
/// <c>infra:demoStateFile</c> INFRA_DEMO_STATE_FILE.</para>
/// <para><c>secure:</c> values are decrypted with the passphrase from PULUMI_CONFIG_PASSPHRASE (used as is,
/// even empty) or else PULUMI_CONFIG_PASSPHRASE_FILE; the loader never prompts. A project key declared
/// without a default is required, as the Pulumi CLI requires it. Setting
/// <c>infra:demoStacks</c> marks the demo stack; it and <c>infra:demoStateFile</c> are not declared in
/// Pulumi.yaml, because the Pulumi CLI requires every declared project key without a default on every stack.</para>
/// <para>The demo stack is sealed: the environment variables of the provider keys are ignored for it, so
/// its endpoints and credentials always come from its stack file (the emulators it starts).</para>
/// </remarks>
public static class StackConfigLoader
{
    /// <summary>
    /// Loads the stack's configuration from <paramref name="projectDirectory"/>. The environment
    /// (<paramref name="environment"/>; null means the process environment) wins over the files.
    /// <paramref name="insecure"/> (the CLI's <c>--insecure</c>) allows plain http:// to a host other
    /// than loopback, as <c>infra:insecure: true</c> does.
    /// Throws <see cref="ConfigException"/> naming the file, key and environment variable at fault.
    /// </summary>
    public static StackConfiguration Load(
        string projectDirectory,
        string stack,
        IReadOnlyDictionary<string, string?> environment,
        bool insecure = false)
    {
        var directory = Path.GetFullPath(projectDirectory);
        var project = ProjectFile.Load(directory);
        return Load(directory, project, stack, StackFiles.Read(project, stack), environment, insecure);
    }

    /// <summary>
    /// Loads the stack's configuration from values that do not come from the stack file on disk (Pulumi
    /// engine mode: the CLI hands the program its decrypted stack config). Same keys, defaults, checks
    /// and environment overrides as <see cref="Load(string, string, IReadOnlyDictionary{string, string?}, bool)"/>;
    /// <paramref name="stackFile"/>'s path is what error messages name.
    /// </summary>
    public static StackConfiguration Load(string projectDirectory, string stack, StackFile stackFile, IReadOnlyDictionary<string, string?> environment)
    {
        var directory = Path.GetFullPath(projectDirectory);
        return Load(directory, ProjectFile.Load(directory), stack, stackFile, environment, insecure: false);
    }

    /// <summary>The path of the stack's file in the project, as Pulumi and this loader name it.</summary>
    public static string StackFilePath(string projectDirectory, string stack)
        => StackFiles.PathFor(ProjectFile.Load(Path.GetFullPath(projectDirectory)), stack);

    private static StackConfiguration Load(
        string directory,
        ProjectFile project,
        string stack,
        StackFile stackFile,
        IReadOnlyDictionary<string, string?> environment,
        bool insecure)
    {
        var values = new ConfigResolver(project, stackFile, environment);
        var own = new ProjectKeys(project.Name);
        IReadOnlyList<string> ignored = [];
        if (values.Resolve(own.DemoStacks) is not null)
        {
            // A shell set up for a real account must not point the demo at it (or make it bind there).
            ignored = [.. KnownKey.All.Select(k => k.EnvironmentVariable).Where(v => !string.IsNullOrEmpty(environment.GetValueOrDefault(v)))];
            var sealedEnvironment = environment.Where(e => !ignored.Contains(e.Key, StringComparer.Ordinal)).ToDictionary(StringComparer.Ordinal);
            values = new ConfigResolver(project, stackFile, sealedEnvironment);
        }

        ConfigKeyCatalog.ThrowIfUnknown(project, stackFile);
        ThrowIfMissing(values, stack, own, project);
        CheckDeclaredTypes(project, stackFile, values);
        var settings = ReadProjectSettings(values, own, directory, insecure);
        if (settings.Demo is { } demo && ignored.Count > 0)
        {
            settings = settings with { Demo = demo with { IgnoredVariables = ignored } };
        }
        var port = new PortSettings(
            Url(values, KnownKey.PortBaseUrl, settings.Insecure),
            Text(values, KnownKey.PortClientId),
            new Secret(Text(values, KnownKey.PortSecret)));
        var spacelift = new SpaceliftSettings(
            Url(values, KnownKey.SpaceliftEndpoint, settings.Insecure, stripGraphQl: true),
            Text(values, KnownKey.SpaceliftKeyId),
            new Secret(Text(values, KnownKey.SpaceliftKeySecret)));
        return new StackConfiguration(project.Name, stack, stackFile.Path, port, spacelift, settings) { Values = new StackConfig(values, project.Name) };
    }

    private static void ThrowIfMissing(ConfigResolver values, string stack, ProjectKeys own, ProjectFile project)
    {
        var required = KnownKey.All.Where(key => key.Default is null).ToList();
        // As the CLI's mergeConfig: a key of the project's namespace declared with neither a default nor a
        // value is required on every stack (its variable may supply it here, as for every key).
        required.AddRange(project.Config
            .Where(e => e.Key.Namespace == project.Name && e.Value.Default is null && e.Value.Value is null)
            .Select(e => KnownKey.ForProject(project.Name, e.Key.Name)));
        if (values.Resolve(own.DemoStacks) is not null)
        {
            required.Add(own.DemoStateFile);
        }

        var missing = required.Where(key => values.Resolve(key) is null)
            .Select(key => $"'{key.Key}' (env {key.EnvironmentVariable})")
            .ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var list = missing.Count == 1
            ? $"value {missing[0]}"
            : $"values {string.Join(", ", missing[..^1])} and {missing[^1]}";
        throw new ConfigException($"{values.StackFilePath}: Stack '{stack}' is missing configuration {list}");
    }

    /// <summary>Pulumi checks every stack value of a typed project key, ours and any a user adds.</summary>
    private static void CheckDeclaredTypes(ProjectFile project, StackFile stackFile, ConfigResolver values)
    {
        foreach (var (key, value) in stackFile.Config)
        {
            if (project.Config.TryGetValue(key, out var entry) && entry.Type is { } type && !ConfigTypes.Matches(type, value))
            {
                var got = value is PlainValue plain ? $", got '{plain.Text}'" : "";
                throw values.Error(KnownKey.ForProject(project.Name, key.Name), $"must be of type '{type}'{got}");
            }
        }
    }

    private static ProjectSettings ReadProjectSettings(ConfigResolver values, ProjectKeys own, string directory, bool insecure)
    {
        var demoStacks = Integer(values, own.DemoStacks, 0, int.MaxValue, required: false);
        return new ProjectSettings(
            Integer(values, own.PruneThresholdPercent, 0, 100) / 100.0,
            (int)Integer(values, own.Concurrency, 1, 64),
            Path.GetFullPath(Path.Combine(directory, Text(values, own.StateDir))),
            insecure || Boolean(values, own.Insecure),
            demoStacks is null
                ? null
                : new DemoSettings((int)demoStacks, Path.GetFullPath(Path.Combine(directory, Text(values, own.DemoStateFile)))),
            values.Resolve(own.TakeOver) is not null && Boolean(values, own.TakeOver),
            values.Resolve(own.ExclusiveBlueprints) is not null && Boolean(values, own.ExclusiveBlueprints));
    }

    private static string Text(ConfigResolver values, KnownKey key)
        => values.Resolve(key)?.Text ?? throw values.Error(key, "is not set");

    private static long Integer(ConfigResolver values, KnownKey key, long min, long max) =>
        Integer(values, key, min, max, required: true)!.Value;

    private static long? Integer(ConfigResolver values, KnownKey key, long min, long max, bool required)
    {
        var value = values.Resolve(key);
        if (value is null)
        {
            return required ? throw values.Error(key, "is not set") : null;
        }

        if (!ConfigTypes.TryParseInteger(value.Text, out var number))
        {
            throw values.Error(key, $"must be of type '{ConfigTypes.Integer}'{StackConfig.Quote(value)}", value);
        }

        if (number < min || number > max)
        {
            var range = max == int.MaxValue ? $"at least {min}" : $"between {min} and {max}";
            throw values.Error(key, $"must be {range}{StackConfig.Quote(value)}", value);
        }

        return number;
    }

    private static bool Boolean(ConfigResolver values, KnownKey key)
    {
        var value = values.Resolve(key) ?? throw values.Error(key, "is not set");
        return ConfigTypes.TryParseBoolean(value.Text, out var flag)
            ? flag
            : throw values.Error(key, $"must be of type '{ConfigTypes.Boolean}'{StackConfig.Quote(value)}", value);
    }

    /// <summary>
    /// An absolute http(s) URL, always ending in '/' so relative paths resolve under it. Plain http is
    /// only allowed to loopback unless insecure. The Spacelift endpoint may carry the <c>/graphql</c> the
    /// guide writes; spacectl takes the account URL without it, so we keep the account URL.
    /// </summary>
    private static Uri Url(ConfigResolver values, KnownKey key, bool insecure, bool stripGraphQl = false)
    {
        var value = values.Resolve(key) ?? throw values.Error(key, "is not set");
        if (!Uri.TryCreate(value.Text, UriKind.Absolute, out var uri) || !uri.IsAbsoluteUri || string.IsNullOrEmpty(uri.Host))
        {
            throw values.Error(key, $"must be an absolute URL such as https://host{StackConfig.Quote(value)}", value);
        }

        if (uri.UserInfo.Length > 0)
        {
            // Never quote it back: the user part is a credential.
            throw values.Error(key, "must not carry credentials in the URL; use the key's own id and secret settings");
        }

        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
        {
            throw values.Error(key, $"must use http or https, not '{uri.Scheme}'", value);
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback && !insecure)
        {
            throw values.Error(
                key,
                $"uses plain http to '{uri.Host}', which is not loopback; use https, or allow it with infra:insecure: true or --insecure",
                value);
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        if (stripGraphQl && path.EndsWith("/graphql", StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^"/graphql".Length];
        }

        return new UriBuilder(uri) { Path = path + "/" }.Uri;
    }

    /// <summary>The project's own keys with their <c>&lt;PROJECT&gt;_&lt;UPPER_SNAKE&gt;</c> variables.</summary>
    private sealed class ProjectKeys(string project)
    {
        public KnownKey PruneThresholdPercent { get; } = KnownKey.ForProject(project, "pruneThresholdPercent");
        public KnownKey Concurrency { get; } = KnownKey.ForProject(project, "concurrency");
        public KnownKey StateDir { get; } = KnownKey.ForProject(project, "stateDir");
        public KnownKey Insecure { get; } = KnownKey.ForProject(project, "insecure");
        public KnownKey DemoStacks { get; } = KnownKey.ForProject(project, "demoStacks");
        public KnownKey DemoStateFile { get; } = KnownKey.ForProject(project, "demoStateFile");
        public KnownKey TakeOver { get; } = KnownKey.ForProject(project, "takeOver");
        public KnownKey ExclusiveBlueprints { get; } = KnownKey.ForProject(project, "exclusiveBlueprints");
    }
}

namespace FakePulumiEngine.Cli;

/// <summary>
/// The Pulumi CLI's front door, before any program runs: <c>pulumi config set</c> writes the stack file;
/// <c>pulumi preview</c>/<c>up</c> load Pulumi.yaml (name, project.json, declarations), merge the stack's
/// config with it (<see cref="MergeConfig"/>, validating), and start the program with the merged map as
/// PULUMI_CONFIG, secrets decrypted and listed in PULUMI_CONFIG_SECRET_KEYS, the CLI's own environment
/// inherited (pulumi/pulumi <c>pkg/workspace/config.go</c>, <c>sdk/go/common/resource/plugin/langruntime_plugin.go</c>,
/// pulumi/pulumi-dotnet <c>pulumi-language-dotnet/main.go</c> <c>constructEnv</c>). Sources: Cli/SOURCE.md.
/// </summary>
/// <param name="encrypt">The stack's secrets provider (the tests back it with the program's passphrase crypter).</param>
public sealed class PulumiCli(string projectDirectory, Func<string, string> encrypt, Func<string, string> decrypt)
{
    public string ProjectDirectory { get; } = projectDirectory;

    public PulumiProject LoadProject() => PulumiProject.Load(Path.Combine(ProjectDirectory, "Pulumi.yaml"));

    public string StackFile(string stack) => Path.Combine(ProjectDirectory, $"Pulumi.{stack}.yaml");

    /// <summary><c>pulumi config set [--secret] key value --stack stack</c>.</summary>
    public void ConfigSet(string stack, string key, string value, bool secret = false)
    {
        var project = LoadProject();
        var file = StackConfigFile.Load(StackFile(stack), project.Name);
        file.Set(project.Name, key, value, secret, encrypt);
        file.Save();
    }

    /// <summary><c>pulumi config</c>: the defaults applied without validation (<c>ApplyProjectConfig</c>), decrypted.</summary>
    public IReadOnlyDictionary<string, string> Config(string stack) => ProgramConfig(stack, validate: false).Config;

    /// <summary>What an up or preview hands the program, or the CLI's error before it starts one.</summary>
    public (IReadOnlyDictionary<string, string> Config, IReadOnlyList<string> SecretKeys) ProgramConfig(string stack, bool validate = true)
    {
        var project = LoadProject();
        var values = StackConfigFile.Load(StackFile(stack), project.Name).Config;
        var merged = MergeConfig.Apply(stack, project, values, decrypt, validate);
        var config = merged.ToDictionary(e => e.Key, e => e.Value.Secure ? decrypt(e.Value.Text) : e.Value.Text, StringComparer.Ordinal);
        return (config, [.. merged.Where(e => e.Value.Secure).Select(e => e.Key)]);
    }

    /// <summary>
    /// <c>pulumi preview</c> (<paramref name="options"/>.DryRun) or <c>pulumi up</c> on <paramref name="options"/>.Stack:
    /// the config checks first (a <see cref="PulumiCliException"/> means no program was started), then the
    /// program under a fresh fake engine, with <paramref name="cliEnvironment"/> (the shell's PORT_* …) inherited.
    /// </summary>
    public async Task<(ProgramRun Run, IReadOnlyList<RecordedCall> Calls)> RunAsync(
        FakeEngineOptions options,
        IReadOnlyDictionary<string, string> cliEnvironment,
        string dotnetHost,
        string programDll,
        TimeSpan timeout)
    {
        var (config, secretKeys) = ProgramConfig(options.Stack);
        await using var engine = await FakeEngine.StartAsync(options);
        var environment = new Dictionary<string, string>(cliEnvironment, StringComparer.Ordinal);
        foreach (var (name, value) in LanguageHost.Environment(engine, ProjectDirectory, config, secretKeys))
        {
            environment[name] = value;
        }

        var run = await LanguageHost.RunAsync(dotnetHost, programDll, ProjectDirectory, environment, timeout);
        return (run, engine.Calls);
    }
}

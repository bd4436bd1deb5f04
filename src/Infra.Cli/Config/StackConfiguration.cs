using Infra.Sdk;

namespace Infra.Cli.Config;

/// <summary>
/// What an executor needs from <c>Pulumi.yaml</c>, <c>Pulumi.&lt;stack&gt;.yaml</c> and the environment,
/// validated and with secrets decrypted (held as <see cref="Secret"/>): the providers' settings, its own
/// settings, and the whole configuration as the program reads it (<see cref="Values"/>).
/// </summary>
public sealed record StackConfiguration(
    string Project,
    string Stack,
    string StackFile,
    PortSettings Port,
    SpaceliftSettings Spacelift,
    ProjectSettings Settings)
{
    /// <summary>The stack's configuration for its program: its own keys are the program's to read and check.</summary>
    public required IStackConfig Values { get; init; }

    /// <summary>
    /// The credentials every executor masks wherever they could appear: the Port client secret and the
    /// Spacelift API key secret. The key id is an identifier, shown in messages as Spacelift shows it.
    /// </summary>
    public IReadOnlyList<Secret> Credentials => [Port.ClientSecret, Spacelift.ApiKeySecret];

    /// <summary>A masker of <see cref="Credentials"/> that shows the identifiers (client id, API key id) even when a secret equals one.</summary>
    public SecretMasker NewMasker()
    {
        var masker = new SecretMasker(Credentials);
        masker.Allow(Port.ClientId);
        masker.Allow(Spacelift.ApiKeyId);
        return masker;
    }

    /// <summary>The stack that owns what this configuration's program declares.</summary>
    public StackOwner Owner => new(Project, Stack);

    /// <summary>The key of <see cref="ProjectSettings.ExclusiveBlueprints"/> as a user writes it.</summary>
    public string ExclusiveBlueprintsKey => $"{Project}:exclusiveBlueprints";
}

/// <summary>
/// <c>port:baseUrl</c> [PORT_BASE_URL] (default https://api.getport.io; always ends in '/'),
/// <c>port:clientId</c> [PORT_CLIENT_ID], <c>port:secret</c> [PORT_CLIENT_SECRET].
/// </summary>
public sealed record PortSettings(Uri BaseUrl, string ClientId, Secret ClientSecret);

/// <summary>
/// <c>spacelift:apiKeyEndpoint</c> [SPACELIFT_API_KEY_ENDPOINT], normalised to the account's base URL
/// (a trailing <c>/graphql</c>, as the guide writes it, is removed; always ends in '/'); <c>spacelift:apiKeyId</c>
/// [SPACELIFT_API_KEY_ID]; <c>spacelift:apiKeySecret</c> [SPACELIFT_API_KEY_SECRET].
/// </summary>
public sealed record SpaceliftSettings(Uri Endpoint, string ApiKeyId, Secret ApiKeySecret)
{
    public Uri GraphQlUrl => new(Endpoint.AbsoluteUri.TrimEnd('/') + "/graphql");
}

/// <summary>
/// The executors' own keys under the project's namespace (<c>infra:</c>), each with a default in Pulumi.yaml;
/// the program reads the rest of the namespace itself.
/// </summary>
/// <param name="PruneThreshold">
/// <c>infra:pruneThresholdPercent</c> [INFRA_PRUNE_THRESHOLD_PERCENT] as a fraction: 90 reads as 0.9, the
/// share of entities a prune may delete without an explicit flag (Port's Ocean threshold is 0.9).
/// </param>
/// <param name="Concurrency"><c>infra:concurrency</c> [INFRA_CONCURRENCY], 1 to 64.</param>
/// <param name="StateDir"><c>infra:stateDir</c> [INFRA_STATE_DIR], an absolute path (relative values resolve against the project directory).</param>
/// <param name="Insecure"><c>infra:insecure</c> [INFRA_INSECURE] or the CLI's <c>--insecure</c>: plain http:// to non-loopback hosts is allowed.</param>
/// <param name="Demo">Non-null exactly when <c>infra:demoStacks</c> [INFRA_DEMO_STACKS] is set.</param>
/// <param name="TakeOver"><c>infra:takeOver</c> [INFRA_TAKE_OVER] or the CLI's <c>--take-over</c>: take over declared resources another stack owns.</param>
/// <param name="ExclusiveBlueprints">
/// <c>infra:exclusiveBlueprints</c> [INFRA_EXCLUSIVE_BLUEPRINTS]: every entity of a managed blueprint is the
/// program's to prune, whoever wrote it; unset, entities Port records as written by others are left alone.
/// </param>
public sealed record ProjectSettings(
    double PruneThreshold,
    int Concurrency,
    string StateDir,
    bool Insecure,
    DemoSettings? Demo,
    bool TakeOver = false,
    bool ExclusiveBlueprints = false);

/// <summary>Set only for the demo stack: start both emulators in-process at the configured URLs.</summary>
/// <param name="Stacks"><c>infra:demoStacks</c>: how many Spacelift stacks the emulator holds (0 or more).</param>
/// <param name="StateFile"><c>infra:demoStateFile</c> [INFRA_DEMO_STATE_FILE], absolute: where the emulated Port organisation is kept.</param>
public sealed record DemoSettings(int Stacks, string StateFile)
{
    /// <summary>
    /// Provider variables (PORT_*, SPACELIFT_*) that were set and ignored: the demo takes its endpoints
    /// and credentials from its stack file only, so it never talks to anything but its own emulators.
    /// </summary>
    public IReadOnlyList<string> IgnoredVariables { get; init; } = [];
}

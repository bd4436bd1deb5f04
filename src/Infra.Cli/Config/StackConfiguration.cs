using Infra.Sdk;
using Infra.Sdk.Declarations;

namespace Infra.Cli.Config;

/// <summary>
/// Everything a run needs from <c>Pulumi.yaml</c>, <c>Pulumi.&lt;stack&gt;.yaml</c> and the environment,
/// validated and with secrets decrypted (held as <see cref="Secret"/>).
/// </summary>
public sealed record StackConfiguration(
    string Project,
    string Stack,
    string StackFile,
    PortSettings Port,
    SpaceliftSettings Spacelift,
    ProjectSettings Settings);

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

/// <summary>Keys under the project's own namespace (<c>infra:</c>), each with a default in Pulumi.yaml.</summary>
/// <param name="Blueprint"><c>infra:blueprint</c> [INFRA_BLUEPRINT].</param>
/// <param name="PruneThreshold">
/// <c>infra:pruneThresholdPercent</c> [INFRA_PRUNE_THRESHOLD_PERCENT] as a fraction: 90 reads as 0.9, the
/// share of entities a prune may delete without an explicit flag (Port's Ocean threshold is 0.9).
/// </param>
/// <param name="TokenRotationWindow"><c>infra:tokenRotationWindowMinutes</c> [INFRA_TOKEN_ROTATION_WINDOW_MINUTES].</param>
/// <param name="Concurrency"><c>infra:concurrency</c> [INFRA_CONCURRENCY], 1 to 64.</param>
/// <param name="StateDir"><c>infra:stateDir</c> [INFRA_STATE_DIR], an absolute path (relative values resolve against the project directory).</param>
/// <param name="Insecure"><c>infra:insecure</c> [INFRA_INSECURE] or the CLI's <c>--insecure</c>: plain http:// to non-loopback hosts is allowed.</param>
/// <param name="Demo">Non-null exactly when <c>infra:demoStacks</c> [INFRA_DEMO_STACKS] is set.</param>
/// <param name="NameSuffix">
/// <c>infra:nameSuffix</c> [INFRA_NAME_SUFFIX], empty by default (the guide's names); checked against
/// <see cref="NameSuffix"/>'s rules.
/// </param>
/// <param name="TakeOver"><c>infra:takeOver</c> [INFRA_TAKE_OVER] or the CLI's <c>--take-over</c>: take over declared resources another stack owns.</param>
public sealed record ProjectSettings(
    string Blueprint,
    double PruneThreshold,
    TimeSpan TokenRotationWindow,
    int Concurrency,
    string StateDir,
    bool Insecure,
    DemoSettings? Demo,
    string NameSuffix = "",
    bool TakeOver = false)
{
    /// <summary><c>infra:liveUpdates</c> [INFRA_LIVE_UPDATES]: null when off (the default).</summary>
    public LiveUpdateSettings? LiveUpdates { get; init; }

    /// <summary>Who may run the actions (<c>infra:trigger*</c>, <c>infra:refresh*</c>, <c>infra:protected*</c>): Port's defaults unless set.</summary>
    public RunPermissions Permissions { get; init; } = RunPermissions.PortDefault;
}

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

using Infra.Model;

namespace Infra.Config;

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

/// <summary><c>port:baseUrl</c> [PORT_BASE_URL], <c>port:clientId</c> [PORT_CLIENT_ID], <c>port:secret</c> [PORT_CLIENT_SECRET].</summary>
public sealed record PortSettings(Uri BaseUrl, string ClientId, Secret ClientSecret);

/// <summary>
/// <c>spacelift:apiKeyEndpoint</c> [SPACELIFT_API_KEY_ENDPOINT], normalised to the account's base URL
/// (a trailing <c>/graphql</c>, as the guide writes it, is removed); <c>spacelift:apiKeyId</c>
/// [SPACELIFT_API_KEY_ID]; <c>spacelift:apiKeySecret</c> [SPACELIFT_API_KEY_SECRET].
/// </summary>
public sealed record SpaceliftSettings(Uri Endpoint, string ApiKeyId, Secret ApiKeySecret)
{
    public Uri GraphQlUrl => new(Endpoint.AbsoluteUri.TrimEnd('/') + "/graphql");
}

/// <summary>Keys under the project's own namespace (<c>infra:</c>), each with a default in Pulumi.yaml.</summary>
public sealed record ProjectSettings(
    string Blueprint,
    double PruneThreshold,
    TimeSpan TokenRotationWindow,
    int Concurrency,
    string StateDir,
    bool Insecure,
    DemoSettings? Demo);

/// <summary>Set only for the demo stack: start both emulators in-process at the configured URLs.</summary>
public sealed record DemoSettings(int Stacks, string StateFile);

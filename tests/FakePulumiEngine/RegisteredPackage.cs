namespace FakePulumiEngine;

/// <summary>
/// A package the engine allocated a reference for, as the engine keeps it (a provider request): the plugin's
/// name, version and download URL (trailing '/' trimmed, as <c>providers.NewProviderRequest</c> does) and the
/// parameterization, if any. <see cref="ParameterValue"/> is the parameter's bytes as the program sent them.
/// </summary>
public sealed record RegisteredPackage(
    string Reference,
    string Name,
    string Version,
    string DownloadUrl,
    string? ParameterizationName,
    string? ParameterizationVersion,
    byte[]? ParameterValue)
{
    /// <summary>Same request, in the engine's sense (<c>reflect.DeepEqual</c> of the two provider requests).</summary>
    public bool SameRequest(RegisteredPackage other)
        => Name == other.Name
        && Version == other.Version
        && DownloadUrl == other.DownloadUrl
        && ParameterizationName == other.ParameterizationName
        && ParameterizationVersion == other.ParameterizationVersion
        && (ParameterValue ?? []).AsSpan().SequenceEqual(other.ParameterValue ?? []);
}

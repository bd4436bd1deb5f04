namespace Infra.Cli.PulumiProtocol;

/// <summary>The engine answered false to <c>SupportsFeature(<see cref="Feature"/>)</c>: it is older than what the program needs.</summary>
public sealed class EngineFeatureMissingException(string feature)
    : Exception($"the Pulumi engine does not support the feature '{feature}'")
{
    public string Feature { get; } = feature;
}

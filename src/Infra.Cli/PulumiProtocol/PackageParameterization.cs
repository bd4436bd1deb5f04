namespace Infra.Cli.PulumiProtocol;

/// <summary>
/// What a plugin is parameterized with to become another package (<c>Parameterization</c> in
/// pulumi/pulumi <c>proto/pulumi/resource.proto</c>): the package's own name and version, and the
/// plugin-defined parameter value, opaque to the engine.
/// </summary>
/// <param name="Name">The parameterized package's name: the first segment of its type tokens.</param>
/// <param name="Version">Its version, strict semver (the engine refuses anything else).</param>
/// <param name="Value">The parameter the plugin reads back (for Pulumi's Terraform bridge, a JSON document).</param>
public sealed record PackageParameterization(string Name, string Version, IReadOnlyList<byte> Value)
{
    /// <summary>Equal values, not equal references: the byte content takes part in equality.</summary>
    public bool Equals(PackageParameterization? other)
        => other is not null && Name == other.Name && Version == other.Version && Value.SequenceEqual(other.Value);

    public override int GetHashCode() => HashCode.Combine(Name, Version, Value.Count);
}

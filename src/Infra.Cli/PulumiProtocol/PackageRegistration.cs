namespace Infra.Cli.PulumiProtocol;

/// <summary>
/// A package to register with the engine (<c>RegisterPackageRequest</c>), in plain .NET terms: the plugin
/// that serves it and, for a parameterized package, its <see cref="Parameterization"/>. The engine answers
/// with a reference every resource of the package then carries in <c>packageRef</c>.
/// </summary>
/// <param name="Name">The plugin's name (for a bridged Terraform provider, <c>terraform-provider</c>).</param>
/// <param name="Version">The plugin's version, strict semver, or empty for whatever the engine finds.</param>
/// <param name="DownloadUrl">Where the engine fetches the plugin when it is not installed; empty for Pulumi's own.</param>
public sealed record PackageRegistration(string Name, string Version, string DownloadUrl = "", PackageParameterization? Parameterization = null)
{
    /// <summary>
    /// The .NET SDK's cache key for a package (pulumi/pulumi-dotnet <c>Deployment_Prepare.cs</c>
    /// <c>PackageRefCacheKey</c>): the plugin's name, version and URL and the parameterization's name,
    /// version and value, so two registrations of the same package share one reference.
    /// </summary>
    public string CacheKey => string.Join(
        "\0",
        Name,
        Version,
        DownloadUrl,
        Parameterization is { } p ? $"{p.Name}\0{p.Version}\0{Convert.ToBase64String([.. p.Value])}" : "");
}

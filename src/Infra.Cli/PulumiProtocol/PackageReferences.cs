using System.Collections.Concurrent;

namespace Infra.Cli.PulumiProtocol;

/// <summary>
/// The package references of one run, resolved as the .NET SDK resolves them (pulumi/pulumi-dotnet
/// <c>sdk/Pulumi/Deployment/Deployment_Prepare.cs</c> <c>ResolvePackageRef</c>, <c>Deployment.cs</c>
/// <c>MonitorSupportsFeature</c>): the engine is asked once whether it supports <c>parameterization</c>
/// (the flag also says it accepts <c>packageRef</c>), and each package is registered once per run, keyed
/// by <see cref="PackageRegistration.CacheKey"/>; concurrent callers share the one call.
/// </summary>
public sealed class PackageReferences(PulumiEngineClient engine)
{
    public const string Feature = "parameterization";

    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _references = new(StringComparer.Ordinal);
    private readonly Lazy<Task<bool>> _supported = new(() => engine.SupportsFeatureAsync(Feature, CancellationToken.None));

    /// <summary>Whether the engine supports parameterized packages; asked once per run.</summary>
    public Task<bool> SupportedAsync() => _supported.Value;

    /// <summary>The package's reference, registering it on the first call.</summary>
    /// <exception cref="EngineFeatureMissingException">The engine does not support parameterization (the SDK's refusal, before any call).</exception>
    /// <exception cref="EngineCallException">The engine refused the package.</exception>
    public async Task<string> ResolveAsync(PackageRegistration package, CancellationToken cancellationToken)
    {
        if (!await SupportedAsync())
        {
            throw new EngineFeatureMissingException(Feature);
        }

        // The SDK keeps a failed registration in its cache too; a run ends on the first failure anyway.
        var reference = _references.GetOrAdd(package.CacheKey, _ => new Lazy<Task<string>>(() => engine.RegisterPackageAsync(package, cancellationToken)));
        return await reference.Value;
    }
}

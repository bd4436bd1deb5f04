using Infra.Cli.Config;
using Infra.Cli.PulumiMode.Bridged;
using Infra.Cli.PulumiProtocol;
using Infra.Sdk;

namespace Infra.Cli.PulumiMode;

/// <summary>
/// The bridged Spacelift package's side of a run: the package registered once (<c>RegisterPackage</c>), the
/// explicit Spacelift provider with the credentials the program read Spacelift with, and each Spacelift resource
/// under that provider with the package's reference, as a generated .NET SDK of the package registers them.
/// </summary>
internal sealed partial class Registrations
{
    /// <summary>The package's reference, once <see cref="RegisterSpaceliftProviderAsync"/> has run.</summary>
    public string SpaceliftPackage { get; private set; } = "";

    /// <summary>The explicit Spacelift provider's reference, once <see cref="RegisterSpaceliftProviderAsync"/> has run.</summary>
    public string SpaceliftProvider { get; private set; } = "";

    /// <exception cref="EngineFeatureMissingException">The engine does not support parameterized packages.</exception>
    public async Task RegisterSpaceliftProviderAsync(PackageReferences packages, SpaceliftSettings spacelift, CancellationToken cancellationToken)
    {
        SpaceliftPackage = await packages.ResolveAsync(Bridged.SpaceliftPackage.Registration, cancellationToken);
        var inputs = SpaceliftProviderInputs.Render(spacelift.Endpoint, new Secret(spacelift.ApiKeyId), spacelift.ApiKeySecret);
        SpaceliftProvider = PortProvider.Reference(await engine.RegisterResourceAsync(SpaceliftRegistrations.Provider(stackUrn, inputs, SpaceliftPackage), cancellationToken));
    }

    public async Task RegisterSpaceliftAsync(
        DesiredResource resource, BridgedInputs inputs, IReadOnlyList<string> dependencies, IReadOnlyList<string>? ignoreChanges, CancellationToken cancellationToken)
    {
        if (SpaceliftProvider.Length == 0)
        {
            throw new InvalidOperationException("the Spacelift provider must be registered before any Spacelift resource");
        }

        var registration = SpaceliftRegistrations.Resource(resource.Address.Name, inputs, stackUrn, SpaceliftPackage, SpaceliftProvider, dependencies)
            with { IgnoreChanges = ignoreChanges };
        await _slots.WaitAsync(cancellationToken);
        try
        {
            Registered[resource.Address] = await engine.RegisterResourceAsync(registration, cancellationToken);
        }
        finally
        {
            _slots.Release();
        }
    }
}

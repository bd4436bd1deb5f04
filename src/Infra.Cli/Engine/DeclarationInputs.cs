using Infra.Cli.Config;
using Infra.Sdk;
using Infra.Sdk.Declarations;

namespace Infra.Cli.Engine;

/// <summary>
/// What the standalone engine hands the program for one stack's configuration. In one place so that
/// whatever else asks the program what it declares (verify comparing Port's permissions with this
/// stack's, Pulumi mode registering the same declarations) gets exactly the bodies <c>preview</c> and
/// <c>up</c> plan with.
/// </summary>
internal static class DeclarationInputs
{
    /// <param name="ingestUrl">The live-update webhook's ingest URL when live Port has one (it only changes the webhook's bodies).</param>
    public static IntegrationInputs For(StackConfiguration configuration, string? ingestUrl = null) => new(
        configuration.Settings.Blueprint,
        configuration.Port.BaseUrl,
        configuration.Spacelift.Endpoint,
        // The API key id is an identifier, shown in messages; only its copy in Port is kept secret.
        new Secret(configuration.Spacelift.ApiKeyId),
        configuration.Spacelift.ApiKeySecret,
        TokenSource.Minted,
        Names: new ResourceNames(configuration.Settings.NameSuffix),
        Owner: new StackOwner(configuration.Project, configuration.Stack),
        Live: configuration.Settings.LiveUpdates is { } live ? new LiveUpdates(live.Space, ingestUrl) : null,
        Permissions: configuration.Settings.Permissions);
}

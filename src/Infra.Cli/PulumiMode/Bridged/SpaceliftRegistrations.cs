using Infra.Cli.PulumiProtocol;

namespace Infra.Cli.PulumiMode.Bridged;

/// <summary>
/// Registrations of the bridged Spacelift package's resources, with the options a generated .NET SDK of the
/// package sets (pulumi/pulumi-dotnet <c>pulumi-language-dotnet/codegen/gen.go</c>: the package's version from
/// its <c>version.txt</c>, no download URL, the schema's secret outputs as additional secret outputs, and the
/// package reference on every registration, the provider's included).
/// </summary>
public static class SpaceliftRegistrations
{
    /// <summary>The named webhook's outputs the bridge marks secret (the Terraform attributes are <c>Sensitive</c>).</summary>
    private static readonly string[] WebhookSecretOutputs = ["secret", "secretWo"];

    /// <summary>The explicit provider, parented to the stack.</summary>
    public static ResourceRegistration Provider(string stackUrn, BridgedInputs inputs, string packageRef) => new(
        inputs.Type,
        SpaceliftProviderInputs.LogicalName,
        Custom: true,
        Parent: stackUrn,
        Inputs: inputs.Inputs,
        Special: inputs.Special,
        Version: SpaceliftPackage.Version,
        PackageRef: packageRef);

    /// <summary>A named webhook or a policy under the explicit provider <paramref name="provider"/> (<c>&lt;urn&gt;::&lt;id&gt;</c>).</summary>
    /// <param name="dependencies">URNs the resource needs first: the Port webhook for the named webhook, the named webhook for the policy.</param>
    /// <param name="importId">The live resource's id, to adopt it instead of creating it (Spacelift's id is the slug of its name).</param>
    public static ResourceRegistration Resource(
        string name,
        BridgedInputs inputs,
        string stackUrn,
        string packageRef,
        string provider,
        IReadOnlyList<string> dependencies,
        string importId = "") => new(
        inputs.Type,
        name,
        Custom: true,
        Parent: stackUrn,
        Inputs: inputs.Inputs,
        Special: inputs.Special,
        Dependencies: dependencies,
        Version: SpaceliftPackage.Version,
        AdditionalSecretOutputs: inputs.Type == NamedWebhookInputs.Type ? WebhookSecretOutputs : null,
        ImportId: importId,
        Provider: provider,
        PackageRef: packageRef);
}

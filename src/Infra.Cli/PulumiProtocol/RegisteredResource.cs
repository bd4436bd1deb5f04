using System.Text.Json.Nodes;

namespace Infra.Cli.PulumiProtocol;

/// <summary>
/// The engine's answer to a registration. <see cref="Urn"/> is always known. <see cref="Id"/> is empty
/// when not known: for components, for creates during a preview, and when the step failed or was
/// skipped before the provider gave one. In <see cref="Outputs"/>, secrets read as <c>[secret]</c> and
/// unknowns as null; when <see cref="Result"/> is not <see cref="RegistrationResult.Succeeded"/>, an
/// output the engine did not send is unknown rather than absent (pulumi/pulumi-dotnet
/// <c>Deployment_ReadOrRegisterResource.cs</c>, <c>keepUnknowns</c>).
/// </summary>
public sealed record RegisteredResource(string Urn, string Id, JsonObject Outputs, RegistrationResult Result = RegistrationResult.Succeeded)
{
    public bool Succeeded => Result == RegistrationResult.Succeeded;
}

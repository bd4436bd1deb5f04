using Infra.Sdk.Spacelift;
using System.Text.Encodings.Web;
using System.Text.Json;
using Infra.Sdk;
using Infra.Stacks;

namespace Infra.Tests.Support;

/// <summary>
/// The one declaration the golden files are made from: fixed inputs (owner infra/dev, the guide's
/// names) and a sample stack, so the REST goldens and the provider-input goldens describe the same
/// resources, and the JSON settings they are written with.
/// </summary>
internal static class GoldenDeclaration
{
    public static JsonSerializerOptions Indented { get; } = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IntegrationInputs Inputs { get; } = new(
        "space_lift_stack",
        new Uri("https://api.us.port.io"),
        new Uri("https://acme.app.spacelift.io"),
        new Secret("01HAPIKEYID"),
        new Secret("api-key-secret"))
    {
        Owner = new StackOwner("infra", "dev"),
    };

    public static SpaceliftStack Sample { get; } = new("stack-1", "Stack 1", "root", "Stack number 1", ["team:a", "n:1"], "infra", "FINISHED", "GITHUB", "main");

    /// <summary>A golden file's name for a declared resource: "blueprint", "entity", or the resource's id.</summary>
    public static string FileName(DesiredResource resource) =>
        resource.Address.Kind == ResourceKind.Blueprint ? "blueprint"
        : resource.Address.Kind == ResourceKind.Entity ? "entity"
        : resource.Address.Kind == ResourceKind.ActionPermissions ? resource.Address.Id + ".permissions"
        : resource.Address.Id;

    /// <summary>The golden inputs with protected stacks: label <c>protected</c>, triggered by platform and sre, approved by approvers or Admins.</summary>
    public static IntegrationInputs Protected => Inputs with
    {
        Permissions = new RunPermissions(
            new ActionAccess(["Admin"], ["developers", "platform"], []),
            ActionAccess.PortDefault,
            new ProtectedStacks("protected", ["platform", "sre"], ["Admin"], ["approvers"])),
    };
}

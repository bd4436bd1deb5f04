using System.Text.Json.Nodes;
using Infra.Cli.PulumiProtocol;

namespace Infra.Cli.PulumiMode.Bridged;

/// <summary>
/// The declared policy body (Spacelift's <c>PolicyCreateInput</c> shape) → inputs of <c>spacelift_policy</c>
/// through Pulumi's bridge (spacelift-io/terraform-provider-spacelift v1.53.5, <c>spacelift/resource_policy.go</c>):
/// <c>space</c> becomes <c>spaceId</c>, <c>engineType</c>, <c>type</c>, <c>name</c>, <c>body</c>, <c>description</c>
/// and <c>labels</c> keep their names. <c>type</c> forces a replacement when it changes (<c>ForceNew</c>), as
/// Spacelift fixes a policy's type at creation.
/// </summary>
public static class PolicyInputs
{
    public const string Type = "spacelift:index/policy:Policy";

    private static readonly string[] Known = ["name", "type", "engineType", "space", "labels", "description", "body"];

    /// <exception cref="NotSupportedException">The body holds something the provider has no input for.</exception>
    public static BridgedInputs Render(JsonObject body)
    {
        var where = $"policy '{BodyShapes.Text(body, "name", "policy")}'";
        BodyShapes.RequireKnown(body, where, Known);
        var inputs = new JsonObject
        {
            ["name"] = BodyShapes.RequiredText(body, "name", where),
            ["type"] = BodyShapes.RequiredText(body, "type", where),
            ["body"] = BodyShapes.RequiredText(body, "body", where),
        };
        Optional(inputs, "engineType", BodyShapes.Text(body, "engineType", where));
        Optional(inputs, "spaceId", BodyShapes.Text(body, "space", where));
        Optional(inputs, "description", BodyShapes.Text(body, "description", where));
        if (BodyShapes.Texts(body, "labels", where) is { } labels)
        {
            inputs["labels"] = labels;
        }

        return new BridgedInputs(Type, inputs, new Dictionary<string, SpecialInput>());
    }

    private static void Optional(JsonObject inputs, string name, string? value)
    {
        if (value is not null)
        {
            inputs[name] = value;
        }
    }
}

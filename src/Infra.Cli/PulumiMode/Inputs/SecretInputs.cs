using System.Text.Json.Nodes;
using Infra.Sdk;

namespace Infra.Cli.PulumiMode.Inputs;

/// <summary>
/// Port's organisation-secret body → inputs of <c>port:index/organizationSecret:OrganizationSecret</c>:
/// <c>secretName</c> and <c>description</c>. The value never passes through JSON: the executor adds it as a
/// secret input (<see cref="ValueInput"/>), so the engine stores it encrypted.
/// </summary>
public sealed class SecretInputs : IProviderInputsRenderer
{
    /// <summary>The input that carries the secret's value, also declared an additional secret output.</summary>
    public const string ValueInput = "secretValue";

    public JsonObject Render(JsonObject body, ResourceAddress address)
    {
        var inputs = new JsonObject();
        InputShapes.Copy(body, inputs, "secretName");

        // Port reads an empty description back as null; sending none keeps refreshes quiet.
        if (InputShapes.Text(body["description"]) is { Length: > 0 } description)
        {
            inputs["description"] = description;
        }

        return inputs;
    }
}

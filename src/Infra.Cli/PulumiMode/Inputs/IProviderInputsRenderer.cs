using System.Text.Json.Nodes;
using Infra.Sdk;

namespace Infra.Cli.PulumiMode.Inputs;

/// <summary>
/// Pure translation of one kind's declared body into the Pulumi provider's inputs for that resource:
/// Pulumi mode hands these to Pulumi's engine instead of calling the service's API itself.
/// </summary>
public interface IProviderInputsRenderer
{
    /// <param name="body">The declared body, as the standalone engine would send it to the service.</param>
    /// <param name="address">The resource's address: an entity's names its blueprint, which its body does not.</param>
    /// <exception cref="NotSupportedException">The body holds something the provider has no input shape for (refused rather than dropped).</exception>
    JsonObject Render(JsonObject body, ResourceAddress address);

    /// <summary>
    /// Where the field at <paramref name="path"/> of the declared body lands in the rendered inputs, as
    /// property names from the top; null when it does not land in one input of its own. The same path by
    /// default; a renderer that regroups fields says where they go.
    /// </summary>
    IReadOnlyList<string>? InputPath(JsonObject body, IReadOnlyList<string> path) => path;
}

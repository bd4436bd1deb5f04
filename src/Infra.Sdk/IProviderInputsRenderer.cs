using System.Text.Json.Nodes;

namespace Infra.Sdk;

/// <summary>
/// Pure translation of one kind's REST body into the Pulumi Port provider's inputs for that resource
/// (a second executor hands these to Pulumi instead of calling Port's REST API itself).
/// </summary>
public interface IProviderInputsRenderer
{
    /// <param name="body">The declared body, as the standalone engine would send it to Port.</param>
    /// <param name="blueprint">
    /// The blueprint the resource belongs to: an entity's REST body does not name it (the route does),
    /// while the provider's entity resource takes it as an input. Other kinds ignore it.
    /// </param>
    /// <exception cref="NotSupportedException">The body holds something the provider has no input shape for (refused rather than dropped).</exception>
    JsonObject Render(JsonObject body, string blueprint);
}

using System.Text.Json.Nodes;

namespace Infra.Model;

/// <summary>
/// Pure translation of one kind's REST body into the Pulumi Port provider's inputs for that resource
/// (a second executor hands these to Pulumi instead of calling Port's REST API itself).
/// </summary>
public interface IProviderInputsRenderer
{
    JsonObject Render(JsonObject restBody);
}

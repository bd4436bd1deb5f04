using System.Text.Json.Nodes;
using Infra.Cli.Http;
using Infra.Cli.Port;

namespace Infra.Cli.Verify;

/// <summary>What the renewal check writes: one entity's properties, as someone editing it in Port would.</summary>
internal sealed partial class PortActionRuns
{
    /// <summary>
    /// <c>PATCH /v1/blueprints/{bp}/entities/{id}</c> with <c>{properties}</c>: only the named properties change.
    /// Answers the entity as Port now holds it (its <c>updatedAt</c> is Port's clock at the write).
    /// </summary>
    public async Task<JsonObject> PatchEntityPropertiesAsync(string blueprint, string identifier, JsonObject properties, CancellationToken cancellationToken)
    {
        // A PATCH of the same properties is idempotent, so it may be retried like a read.
        var request = new PortRequest(HttpMethod.Patch, $"v1/blueprints/{Escape(blueprint)}/entities/{Escape(identifier)}", RequestKind.Write)
        {
            Body = JsonWire.ToUtf8(new JsonObject { ["properties"] = properties }),
        };
        var answer = await _reads.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return _reads.Resource(request, answer, _reads.EnsureSuccess(request, answer), "entity");
    }
}

using System.Text.Json.Nodes;
using Infra.Cli.Http;
using Infra.Cli.Providers;
using Infra.Sdk;

namespace Infra.Cli.Port;

/// <summary>
/// Port's kinds with routes of their own, as an executor reads and writes them. A failed read is Port's
/// own error and ends the run: Port is the source of truth, and without it nothing can be planned.
/// </summary>
public sealed class PortResources(IPortClient port) : IResourceProvider
{
    public ResourceService Service => ResourceService.Port;

    public Task<JsonObject?> ReadAsync(ResourceKind kind, string id, CancellationToken cancellationToken)
        => port.GetAsync(kind, id, cancellationToken);

    public async Task<string> CreateAsync(ResourceKind kind, JsonObject body, Secret? value, CancellationToken cancellationToken)
    {
        // A part of another resource exists once that one does: creating it is an update.
        if (kind.LivesIn is not null)
        {
            var id = JsonWire.String(body[kind.IdentifierField]) ?? throw new ArgumentException($"the {kind} body names no {kind.IdentifierField}", nameof(body));
            await UpdateAsync(kind, id, body, value, cancellationToken).ConfigureAwait(false);
            return id;
        }

        var (sent, written) = Placed(kind, body, value);
        await port.CreateAsync(kind, sent, written, cancellationToken).ConfigureAwait(false);
        return JsonWire.String(body[kind.IdentifierField]) ?? throw new ArgumentException($"the {kind} body names no {kind.IdentifierField}", nameof(body));
    }

    /// <remarks>
    /// Without a value, a kind that carries a shared secret is PATCHed without the member that holds it
    /// (<c>security</c>), which Port then keeps as it has it (port-docs <c>custom-integration/webhook/webhook.md</c>:
    /// "partial updates are supported … Any key you do not specify will remain unchanged"); a PUT would have to
    /// send the secret again, and Port need not give it back (docs/unknowns.md).
    /// </remarks>
    public Task UpdateAsync(ResourceKind kind, string id, JsonObject body, Secret? value, CancellationToken cancellationToken)
    {
        if (value is null && kind.SharedSecret is { } shared)
        {
            var patch = body.DeepClone().AsObject();
            patch.Remove(shared.Path[0]);
            return port.PatchAsync(kind, id, patch, cancellationToken);
        }

        var (sent, written) = Placed(kind, body, value);
        return port.UpdateAsync(kind, id, sent, written, cancellationToken);
    }

    /// <summary>A part of another resource goes with it: Port has no route to delete it alone.</summary>
    public Task DeleteAsync(ResourceKind kind, string id, CancellationToken cancellationToken)
        => kind.LivesIn is not null ? Task.CompletedTask : port.DeleteAsync(kind, id, cancellationToken);

    /// <summary>A shared secret travels inside the body; a secret's own value beside it, as the client takes it.</summary>
    private static (JsonObject Body, Secret? Value) Placed(ResourceKind kind, JsonObject body, Secret? value)
        => value is not null && kind.SharedSecret is { } field ? (field.With(body, value), null) : (body, value);
}

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
        var identifier = JsonWire.String(body[kind.IdentifierField]) ?? throw new ArgumentException($"the {kind} body names no {kind.IdentifierField}", nameof(body));
        if (kind == ResourceKind.Blueprint && WithoutSelfRelations(sent, identifier) is { } first)
        {
            await port.CreateAsync(kind, first, written, cancellationToken).ConfigureAwait(false);
            await port.UpdateAsync(kind, identifier, sent, written, cancellationToken).ConfigureAwait(false);
            return identifier;
        }

        await port.CreateAsync(kind, sent, written, cancellationToken).ConfigureAwait(false);
        return identifier;
    }

    /// <summary>
    /// A blueprint that relates to itself (a space to its parent space), without those relations; null when it
    /// has none. Port's docs say a relation's target "has to exist when defining the relation", and not whether
    /// the blueprint being created counts (docs/unknowns.md), so it is created without them and then written
    /// whole: one request more, once, under either answer.
    /// </summary>
    private static JsonObject? WithoutSelfRelations(JsonObject blueprint, string identifier)
    {
        if (blueprint["relations"] is not JsonObject relations
            || !relations.Any(r => JsonWire.String(r.Value?["target"]) == identifier))
        {
            return null;
        }

        var first = blueprint.DeepClone().AsObject();
        var kept = first["relations"]!.AsObject();
        foreach (var name in relations.Where(r => JsonWire.String(r.Value?["target"]) == identifier).Select(r => r.Key).ToList())
        {
            kept.Remove(name);
        }

        return first;
    }

    /// <remarks>
    /// Without a value, a kind that carries a shared secret is PATCHed without the member that holds it
    /// (<c>security</c>), which Port then keeps as it has it (port-docs <c>custom-integration/webhook/webhook.md</c>:
    /// "partial updates are supported … Any key you do not specify will remain unchanged"); a PUT would have to
    /// send the secret again, and Port need not give it back (docs/unknowns.md).
    /// </remarks>
    public async Task UpdateAsync(ResourceKind kind, string id, JsonObject body, Secret? value, CancellationToken cancellationToken)
    {
        if (kind.DeletedByClearing && kind.LivesIn is { } owner)
        {
            await RewriteOwnerAsync(kind, owner, id, body, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (value is null && kind.SharedSecret is { } shared)
        {
            var patch = body.DeepClone().AsObject();
            patch.Remove(shared.Path[0]);
            await port.PatchAsync(kind, id, patch, cancellationToken).ConfigureAwait(false);
            return;
        }

        var (sent, written) = Placed(kind, body, value);
        if (kind.PartFields.Count > 0)
        {
            sent = await WithPartsAsync(kind, id, sent, cancellationToken).ConfigureAwait(false);
        }

        await port.UpdateAsync(kind, id, sent, written, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A part of another resource goes with it: Port has no route to delete it alone. One that its resource
    /// outlives (a blueprint's aggregation properties) is emptied instead, unless that resource is gone too.
    /// </summary>
    public async Task DeleteAsync(ResourceKind kind, string id, CancellationToken cancellationToken)
    {
        if (kind.LivesIn is not { } owner)
        {
            await port.DeleteAsync(kind, id, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (kind.DeletedByClearing)
        {
            await RewriteOwnerAsync(kind, owner, id, null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A part Port holds as fields of its owner (a blueprint's aggregation properties) is written as Port's
    /// Terraform provider writes it (terraform-provider-port-labs <c>port/aggregation-properties/resource.go</c>
    /// at e26439a): the owner read, the part's fields set from <paramref name="part"/> (or, to delete the part,
    /// left out) and the whole owner PUT back. A PATCH with an empty map cannot delete: Port does not say
    /// whether a PATCH replaces a keyed map or merges it key by key (docs/unknowns.md), and a merge keeps them.
    /// An owner already gone took the part with it.
    /// </summary>
    private async Task RewriteOwnerAsync(ResourceKind kind, ResourceKind owner, string id, JsonObject? part, CancellationToken cancellationToken)
    {
        if (await port.GetAsync(owner, id, cancellationToken).ConfigureAwait(false) is not { } live)
        {
            if (part is not null)
            {
                throw new PortApiException(System.Net.HttpStatusCode.NotFound, "not_found", $"the {owner} '{id}' that holds its {kind} does not exist");
            }

            return;
        }

        var whole = live.DeepClone().AsObject();
        foreach (var field in kind.ComparedFields ?? [])
        {
            whole.Remove(field);
            if (part?[field] is { } value)
            {
                whole[field] = value.DeepClone();
            }
        }

        await port.UpdateAsync(owner, id, whole, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The whole body to write, with the fields a part of the resource manages as Port holds them now: a
    /// PUT without them would undo that part (declared and applied on its own).
    /// </summary>
    private async Task<JsonObject> WithPartsAsync(ResourceKind kind, string id, JsonObject body, CancellationToken cancellationToken)
    {
        var live = await port.GetAsync(kind, id, cancellationToken).ConfigureAwait(false);
        var sent = body.DeepClone().AsObject();
        foreach (var field in kind.PartFields)
        {
            if (live?[field] is { } current)
            {
                sent[field] = current.DeepClone();
            }
        }

        return sent;
    }

    /// <summary>A shared secret travels inside the body; a secret's own value beside it, as the client takes it.</summary>
    private static (JsonObject Body, Secret? Value) Placed(ResourceKind kind, JsonObject body, Secret? value)
        => value is not null && kind.SharedSecret is { } field ? (field.With(body, value), null) : (body, value);
}

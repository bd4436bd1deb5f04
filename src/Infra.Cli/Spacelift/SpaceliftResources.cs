using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Infra.Cli.Http;
using Infra.Cli.Providers;
using Infra.Sdk;

namespace Infra.Cli.Spacelift;

/// <summary>
/// Spacelift's kinds (named webhooks, notification policies) as an executor reads and writes them. A read
/// Spacelift answers with errors becomes a <see cref="ResourceReadException"/>, so the executor holds
/// back what depends on it; a refused key stays a refused key.
/// </summary>
/// <remarks>
/// The executor addresses these resources by their declared name. Spacelift generates each one's id from its
/// name, but whether the id is the name's slug or carries a suffix is not published (docs/unknowns.md), so the
/// provider locates a resource by name: it reads the id it last saw for that name (or the name itself), and
/// when that is not the resource, lists the kind and picks the one with that name. The id found is kept for
/// this run's writes; nothing needs to be stored, so a fresh clone finds the same resources.
/// </remarks>
public sealed class SpaceliftResources(ISpaceliftClient spacelift) : IResourceProvider
{
    private readonly ConcurrentDictionary<(ResourceKind Kind, string Name), string> _ids = new();

    public ResourceService Service => ResourceService.Spacelift;

    public async Task<JsonObject?> ReadAsync(ResourceKind kind, string id, CancellationToken cancellationToken)
    {
        try
        {
            return await LocateAsync(kind, id, cancellationToken).ConfigureAwait(false);
        }
        catch (SpaceliftException e) when (e is not SpaceliftAuthenticationException)
        {
            throw new ResourceReadException(e.Message, e);
        }
    }

    public async Task<string> CreateAsync(ResourceKind kind, JsonObject body, Secret? value, CancellationToken cancellationToken)
    {
        var created = await spacelift.CreateResourceAsync(kind, body, value, cancellationToken).ConfigureAwait(false);
        if (JsonWire.String(body[kind.IdentifierField]) is { } name)
        {
            _ids[(kind, name)] = created;
        }

        return created;
    }

    public async Task UpdateAsync(ResourceKind kind, string id, JsonObject body, Secret? value, CancellationToken cancellationToken)
    {
        var located = await IdAsync(kind, id, cancellationToken).ConfigureAwait(false)
            ?? throw new SpaceliftException($"Spacelift has no {kind} named '{id}' to update");
        await spacelift.UpdateResourceAsync(kind, located, body, value, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One that cannot be found is gone already: done.</summary>
    public async Task DeleteAsync(ResourceKind kind, string id, CancellationToken cancellationToken)
    {
        if (await IdAsync(kind, id, cancellationToken).ConfigureAwait(false) is { } located)
        {
            await spacelift.DeleteResourceAsync(kind, located, cancellationToken).ConfigureAwait(false);
            _ids.TryRemove((kind, id), out _);
        }
    }

    private async Task<string?> IdAsync(ResourceKind kind, string name, CancellationToken cancellationToken)
        => _ids.TryGetValue((kind, name), out var known) ? known : JsonWire.String((await LocateAsync(kind, name, cancellationToken).ConfigureAwait(false))?["id"]);

    /// <summary>The resource named <paramref name="name"/>, or null when Spacelift has none; several by that name are not guessed between.</summary>
    private async Task<JsonObject?> LocateAsync(ResourceKind kind, string name, CancellationToken cancellationToken)
    {
        var guess = _ids.GetValueOrDefault((kind, name)) ?? name;
        if (await spacelift.GetResourceAsync(kind, guess, cancellationToken).ConfigureAwait(false) is { } direct && NameOf(kind, direct) == name)
        {
            return Remember(kind, name, direct);
        }

        var named = (await spacelift.ListResourcesAsync(kind, cancellationToken).ConfigureAwait(false)).Where(r => NameOf(kind, r) == name).ToList();
        switch (named.Count)
        {
            case 0:
                _ids.TryRemove((kind, name), out _);
                return null;
            case 1:
                return Remember(kind, name, named[0]);
            default:
                var ids = string.Join(", ", named.Select(r => JsonWire.String(r["id"])));
                throw new SpaceliftException($"Spacelift holds {named.Count} {kind} resources named '{name}' ({ids}): which one is this stack's is not guessed; delete the others");
        }
    }

    private JsonObject Remember(ResourceKind kind, string name, JsonObject resource)
    {
        if (JsonWire.String(resource["id"]) is { Length: > 0 } id)
        {
            _ids[(kind, name)] = id;
        }

        return resource;
    }

    private static string? NameOf(ResourceKind kind, JsonObject resource) => JsonWire.String(resource[kind.IdentifierField]);
}

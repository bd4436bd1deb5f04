using System.Text.Json.Nodes;
using Infra.Cli.Http;
using Infra.Cli.Port;
using Infra.Cli.Providers;
using Infra.Sdk;

namespace Infra.Cli.Engine.Planning;

/// <summary>
/// What the services hold now: each resource that exists (raw, as read), every entity of each blueprint
/// that exists, and the resources whose read could not be trusted (their absence from
/// <see cref="Resources"/> then means nothing: <see cref="Decisions.ReadHolds"/> holds them back).
/// Both executors read live state through it.
/// </summary>
internal sealed record LiveSnapshot(
    IReadOnlyDictionary<ResourceAddress, JsonObject> Resources,
    IReadOnlyDictionary<string, IReadOnlyList<JsonObject>> Entities,
    IReadOnlyDictionary<ResourceAddress, string> Unreadable)
{
    public IReadOnlyList<JsonObject> EntitiesOf(string blueprint) => Entities.GetValueOrDefault(blueprint) ?? [];

    /// <summary>The resource as its service holds it (an entity found among its blueprint's), or null.</summary>
    public JsonObject? Find(ResourceAddress address) => address.Blueprint is { } blueprint
        ? EntitiesOf(blueprint).FirstOrDefault(e => JsonWire.String(e["identifier"]) == address.Id)
        : Resources.GetValueOrDefault(address);

    /// <summary>The expiry recorded with the minted value of the secret at <paramref name="address"/> (<see cref="SecretRecord"/>), or null.</summary>
    public DateTimeOffset? RecordedExpiry(ResourceAddress address)
        => SecretRecord.ReadValidUntil(JsonWire.String(Resources.GetValueOrDefault(address)?["description"]));

    /// <summary>
    /// Reads the given resources, in parallel, each through the provider of its kind's service, then all
    /// entities of the blueprints among them that exist. A refused credential still ends the read.
    /// </summary>
    public static async Task<LiveSnapshot> ReadAsync(IPortClient port, IReadOnlyList<IResourceProvider> providers, IEnumerable<ResourceAddress> addresses, CancellationToken cancellationToken)
    {
        var distinct = addresses.Where(a => !a.Kind.BulkPerBlueprint).Distinct().ToList();
        var reads = await Task.WhenAll(distinct.Select(async address =>
        {
            var provider = providers.FirstOrDefault(p => p.Service == address.Kind.Service)
                ?? throw new InvalidOperationException($"no provider reads {address.Kind.Service} resources ({address})");
            try
            {
                return (Address: address, Body: await provider.ReadAsync(address.Kind, address.Id, cancellationToken).ConfigureAwait(false), Failure: (string?)null);
            }
            catch (ResourceReadException e)
            {
                return (Address: address, Body: (JsonObject?)null, Failure: e.Message);
            }
        })).ConfigureAwait(false);

        var resources = reads.Where(r => r.Body is not null).ToDictionary(r => r.Address, r => r.Body!);
        var unreadable = reads.Where(r => r.Failure is not null).ToDictionary(r => r.Address, r => r.Failure!);
        var entities = new Dictionary<string, IReadOnlyList<JsonObject>>(StringComparer.Ordinal);
        foreach (var blueprint in resources.Keys.Where(a => a.Kind == ResourceKind.Blueprint))
        {
            var all = new List<JsonObject>();
            await foreach (var page in port.ListEntitiesAsync(blueprint.Id, cancellationToken).ConfigureAwait(false))
            {
                all.AddRange(page);
            }

            entities[blueprint.Id] = all;
        }

        return new LiveSnapshot(resources, entities, unreadable);
    }
}

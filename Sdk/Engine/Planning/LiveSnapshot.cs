using System.Text.Json.Nodes;
using Infra.Model;
using Infra.Port;

namespace Infra.Engine.Planning;

/// <summary>What Port holds now: each resource that exists (raw, as read), and every entity of each blueprint read.</summary>
internal sealed record LiveSnapshot(
    IReadOnlyDictionary<ResourceAddress, JsonObject> Resources,
    IReadOnlyDictionary<string, IReadOnlyList<JsonObject>> Entities)
{
    public IReadOnlyList<JsonObject> EntitiesOf(string blueprint) => Entities.GetValueOrDefault(blueprint) ?? [];

    /// <summary>Reads the given resources (in parallel) and then all entities of those blueprints that exist.</summary>
    public static async Task<LiveSnapshot> ReadAsync(IPortClient port, IEnumerable<ResourceAddress> addresses, CancellationToken cancellationToken)
    {
        var reads = await Task.WhenAll(addresses.Distinct().Select(async a => (Address: a, Body: await port.GetAsync(a.Kind, a.Id, cancellationToken))));
        var resources = reads.Where(r => r.Body is not null).ToDictionary(r => r.Address, r => r.Body!);
        var entities = new Dictionary<string, IReadOnlyList<JsonObject>>(StringComparer.Ordinal);
        foreach (var blueprint in resources.Keys.Where(a => a.Kind == ResourceKind.Blueprint))
        {
            var all = new List<JsonObject>();
            await foreach (var page in port.ListEntitiesAsync(blueprint.Id, cancellationToken))
            {
                all.AddRange(page);
            }

            entities[blueprint.Id] = all;
        }

        return new LiveSnapshot(resources, entities);
    }
}

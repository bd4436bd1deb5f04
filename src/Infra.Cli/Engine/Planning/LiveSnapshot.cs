using System.Text.Json.Nodes;
using Infra.Sdk;
using Infra.Cli.Port;
using Infra.Cli.Spacelift;

namespace Infra.Cli.Engine.Planning;

/// <summary>
/// What Port (and, for its kinds, Spacelift) holds now: each resource that exists (raw, as read), and
/// every entity of each blueprint read. <see cref="SpaceliftFailure"/> is set when a Spacelift kind
/// could not be read: its absence from <see cref="Resources"/> then means nothing (see
/// <see cref="Planner"/>, which holds the live-update resources back).
/// </summary>
internal sealed record LiveSnapshot(
    IReadOnlyDictionary<ResourceAddress, JsonObject> Resources,
    IReadOnlyDictionary<string, IReadOnlyList<JsonObject>> Entities,
    string? SpaceliftFailure = null)
{
    public IReadOnlyList<JsonObject> EntitiesOf(string blueprint) => Entities.GetValueOrDefault(blueprint) ?? [];

    /// <summary>
    /// Reads the given resources (in parallel, each from the service its kind lives in) and then all
    /// entities of those blueprints that exist. A refused Spacelift key still ends the read (exit 3).
    /// </summary>
    public static async Task<LiveSnapshot> ReadAsync(IPortClient port, IEnumerable<ResourceAddress> addresses, CancellationToken cancellationToken, ISpaceliftClient? spacelift = null)
    {
        var distinct = addresses.Distinct().ToList();
        var portReads = Task.WhenAll(distinct.Where(a => a.Kind.Service == ResourceService.Port)
            .Select(async a => (Address: a, Body: await port.GetAsync(a.Kind, a.Id, cancellationToken))));
        var spaceliftReads = ReadSpaceliftAsync(spacelift, distinct.Where(a => a.Kind.Service == ResourceService.Spacelift).ToList(), cancellationToken);
        var reads = await portReads;
        var (spaceliftBodies, failure) = await spaceliftReads;
        var resources = reads.Where(r => r.Body is not null).ToDictionary(r => r.Address, r => r.Body!);
        foreach (var (address, body) in spaceliftBodies)
        {
            resources[address] = body;
        }

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

        return new LiveSnapshot(resources, entities, failure);
    }

    private static async Task<(List<(ResourceAddress, JsonObject)> Bodies, string? Failure)> ReadSpaceliftAsync(
        ISpaceliftClient? spacelift, List<ResourceAddress> addresses, CancellationToken cancellationToken)
    {
        var bodies = new List<(ResourceAddress, JsonObject)>();
        if (addresses.Count == 0)
        {
            return (bodies, null);
        }

        if (spacelift is null)
        {
            return (bodies, "this executor has no Spacelift client");
        }

        try
        {
            foreach (var address in addresses)
            {
                if (await spacelift.GetResourceAsync(address.Kind, address.Id, cancellationToken) is { } body)
                {
                    bodies.Add((address, body));
                }
            }

            return (bodies, null);
        }
        catch (SpaceliftException e) when (e is not SpaceliftAuthenticationException)
        {
            return ([], e.Message);
        }
    }
}

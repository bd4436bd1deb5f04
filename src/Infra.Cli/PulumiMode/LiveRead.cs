using System.Text.Json.Nodes;
using Infra.Cli.Engine;
using Infra.Cli.Engine.Planning;
using Infra.Sdk;
using Infra.Cli.Port;
using Infra.Sdk.ProviderInputs;
using Infra.Cli.Spacelift;

namespace Infra.Cli.PulumiMode;

/// <summary>
/// What the program reads before it registers anything: every Spacelift stack (a failure is kept, not
/// thrown, so the deletion gate can word it), the declared resources as they are in Port (for the owner
/// check and the secrets' records), and the blueprint's live entities (to judge how many Pulumi would
/// delete). Port is read the way the standalone engine reads it (<see cref="LiveSnapshot"/>).
/// </summary>
internal sealed record LiveRead(
    IReadOnlyList<SpaceliftStack> Stacks,
    string? SpaceliftFailure,
    IReadOnlyDictionary<string, JsonObject> Entities,
    IReadOnlyDictionary<ResourceAddress, JsonObject> Resources)
{
    /// <summary>The live body of the secret <paramref name="name"/>, or null when Port has none.</summary>
    public JsonObject? Secret(string name) => Resources.GetValueOrDefault(new ResourceAddress(ResourceKind.Secret, name));

    /// <param name="addresses">The declared resources other than entities; the blueprint's entities are read with it.</param>
    public static async Task<LiveRead> ReadAsync(
        IPortClient port,
        ISpaceliftClient spacelift,
        IReadOnlyList<ResourceAddress> addresses,
        string blueprint,
        SecretMasker masker,
        CancellationToken cancellationToken)
    {
        var stacksTask = ReadStacksAsync(spacelift, masker, cancellationToken);
        var liveTask = LiveSnapshot.ReadAsync(port, addresses, cancellationToken);
        await Task.WhenAll(stacksTask, liveTask);
        var live = await liveTask;
        var (stacks, failure) = await stacksTask;
        return new LiveRead(stacks, failure, EntityBodies(live.EntitiesOf(blueprint)), live.Resources);
    }

    private static async Task<(List<SpaceliftStack>, string?)> ReadStacksAsync(ISpaceliftClient spacelift, SecretMasker masker, CancellationToken cancellationToken)
    {
        var stacks = new List<SpaceliftStack>();
        try
        {
            await foreach (var page in spacelift.ListStacksAsync(cancellationToken))
            {
                stacks.AddRange(page);
            }

            return (stacks, null);
        }
        catch (SpaceliftException e)
        {
            return (stacks, masker.MaskText(e.Message));
        }
    }

    /// <summary>Live entities by identifier, as bodies the entity renderer takes (Port's nulls and metadata dropped).</summary>
    private static Dictionary<string, JsonObject> EntityBodies(IReadOnlyList<JsonObject> live)
    {
        var entities = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var entity in live)
        {
            if (InputShapes.Text(entity["identifier"]) is not { } identifier)
            {
                continue;
            }

            var properties = new JsonObject();
            foreach (var (name, value) in entity["properties"] as JsonObject ?? [])
            {
                if (value is not null)
                {
                    properties[name] = value.DeepClone();
                }
            }

            var body = new JsonObject { ["identifier"] = identifier, ["properties"] = properties };
            InputShapes.Copy(entity, body, "title", "icon", "relations");
            entities.TryAdd(identifier, body);
        }

        return entities;
    }
}

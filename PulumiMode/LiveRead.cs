using System.Text.Json.Nodes;
using Infra.Engine;
using Infra.Model;
using Infra.Port;
using Infra.Model.ProviderInputs;
using Infra.Spacelift;
using Infra.Stacks;

namespace Infra.PulumiMode;

/// <summary>
/// What the program reads before it registers anything: every Spacelift stack (a failure is kept, not
/// thrown, so the deletion gate can word it), the blueprint's live entities in Port (to judge how many
/// Pulumi would delete), and the managed secrets' metadata (for the token's rotation record).
/// </summary>
internal sealed record LiveRead(
    IReadOnlyList<SpaceliftStack> Stacks,
    string? SpaceliftFailure,
    IReadOnlyDictionary<string, JsonObject> Entities,
    IReadOnlyDictionary<string, JsonObject> Secrets)
{
    public static async Task<LiveRead> ReadAsync(IPortClient port, ISpaceliftClient spacelift, string blueprint, SecretMasker masker, CancellationToken cancellationToken)
    {
        var stacksTask = ReadStacksAsync(spacelift, masker, cancellationToken);
        var entitiesTask = ReadEntitiesAsync(port, blueprint, cancellationToken);
        var names = new[] { ResourceNames.Guide.ApiKeyIdSecret, ResourceNames.Guide.ApiKeySecretSecret, ResourceNames.Guide.TokenSecret };
        var secretTasks = names.Select(name => port.GetAsync(ResourceKind.Secret, name, cancellationToken)).ToArray();
        await Task.WhenAll([stacksTask, entitiesTask, .. secretTasks]);

        var secrets = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            if (await secretTasks[i] is { } secret)
            {
                secrets[names[i]] = secret;
            }
        }

        var (stacks, failure) = await stacksTask;
        return new LiveRead(stacks, failure, await entitiesTask, secrets);
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
    private static async Task<Dictionary<string, JsonObject>> ReadEntitiesAsync(IPortClient port, string blueprint, CancellationToken cancellationToken)
    {
        var entities = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        if (await port.GetAsync(ResourceKind.Blueprint, blueprint, cancellationToken) is null)
        {
            return entities;
        }

        await foreach (var page in port.ListEntitiesAsync(blueprint, cancellationToken))
        {
            foreach (var entity in page)
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
                InputShapes.Copy(entity, body, "title", "icon");
                entities.TryAdd(identifier, body);
            }
        }

        return entities;
    }
}

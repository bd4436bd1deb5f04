using System.Text.Json.Nodes;
using Infra.Cli.Providers;
using Infra.Sdk;

namespace Infra.Cli.Spacelift;

/// <summary>
/// Spacelift's kinds (named webhooks, notification policies) as an executor reads and writes them. A read
/// Spacelift answers with errors becomes a <see cref="ResourceReadException"/>, so the executor holds
/// back what depends on it; a refused key stays a refused key.
/// </summary>
public sealed class SpaceliftResources(ISpaceliftClient spacelift) : IResourceProvider
{
    public ResourceService Service => ResourceService.Spacelift;

    public async Task<JsonObject?> ReadAsync(ResourceKind kind, string id, CancellationToken cancellationToken)
    {
        try
        {
            return await spacelift.GetResourceAsync(kind, id, cancellationToken).ConfigureAwait(false);
        }
        catch (SpaceliftException e) when (e is not SpaceliftAuthenticationException)
        {
            throw new ResourceReadException(e.Message, e);
        }
    }

    public Task<string> CreateAsync(ResourceKind kind, JsonObject body, Secret? value, CancellationToken cancellationToken)
        => spacelift.CreateResourceAsync(kind, body, value, cancellationToken);

    public Task UpdateAsync(ResourceKind kind, string id, JsonObject body, Secret? value, CancellationToken cancellationToken)
        => spacelift.UpdateResourceAsync(kind, id, body, value, cancellationToken);

    public Task DeleteAsync(ResourceKind kind, string id, CancellationToken cancellationToken)
        => spacelift.DeleteResourceAsync(kind, id, cancellationToken);
}

using System.Text.Json.Nodes;
using Infra.Sdk;

namespace Infra.Cli.Providers;

/// <summary>
/// Reads and writes the resources of one service, generic over <see cref="ResourceKind"/>, so an executor
/// plans and applies a graph without knowing the services it spans (Pulumi's provider, reduced to CRUD).
/// A refused credential is always thrown as the client's own error: it ends the run.
/// </summary>
public interface IResourceProvider
{
    /// <summary>The service whose kinds this provider reads and writes.</summary>
    ResourceService Service { get; }

    /// <summary>The resource as its service holds it, or null when the service says it has none.</summary>
    /// <exception cref="ResourceReadException">The answer cannot be trusted: absent would be a guess.</exception>
    Task<JsonObject?> ReadAsync(ResourceKind kind, string id, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the resource. <paramref name="value"/> is its write-only value (a secret's value, or the
    /// secret a kind shares with another service), put where the kind carries it. Returns the service's id.
    /// </summary>
    Task<string> CreateAsync(ResourceKind kind, JsonObject body, Secret? value, CancellationToken cancellationToken);

    /// <summary>Changes the resource; without <paramref name="value"/> its write-only value is left as the service has it.</summary>
    Task UpdateAsync(ResourceKind kind, string id, JsonObject body, Secret? value, CancellationToken cancellationToken);

    Task DeleteAsync(ResourceKind kind, string id, CancellationToken cancellationToken);
}

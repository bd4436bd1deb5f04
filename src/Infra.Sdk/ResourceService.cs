namespace Infra.Sdk;

/// <summary>Which API a kind of resource lives in; the engine's live read and apply dispatch on it.</summary>
public enum ResourceService
{
    /// <summary>Port's REST API: <see cref="ResourceKind.Collection"/> and <see cref="ResourceKind.EnvelopeKey"/> say where.</summary>
    Port,

    /// <summary>Spacelift's GraphQL API: <see cref="ResourceKind.Spacelift"/> holds the documents.</summary>
    Spacelift,
}

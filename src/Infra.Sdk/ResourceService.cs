namespace Infra.Sdk;

/// <summary>Which API a kind of resource lives in: an executor reads and writes it through that service's client.</summary>
public enum ResourceService
{
    /// <summary>Port's REST API.</summary>
    Port,

    /// <summary>Spacelift's GraphQL API.</summary>
    Spacelift,
}

namespace Infra.Sdk.Spacelift;

/// <summary>One stack as read from Spacelift's GraphQL API (the fields the Port entity maps).</summary>
public sealed record SpaceliftStack(
    string Id,
    string Name,
    string Space,
    string? Description,
    IReadOnlyList<string> Labels,
    string Repository,
    string State,
    string Provider,
    string Branch);

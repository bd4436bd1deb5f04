namespace Infra.Sdk.Spacelift;

/// <summary>
/// One space as read from Spacelift's GraphQL API (<c>spaces</c>): its parent's id (null for <c>root</c>), whether
/// it inherits its parent's entities, its labels. An empty description is null.
/// </summary>
public sealed record SpaceliftSpace(string Id, string Name, string? Description, string? ParentSpace, bool InheritEntities, IReadOnlyList<string> Labels);

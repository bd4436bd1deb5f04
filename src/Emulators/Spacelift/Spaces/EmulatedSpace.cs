namespace Emulators.Spacelift.Spaces;

/// <summary>
/// A space as Spacelift's clients read it: the fields of terraform-provider-spacelift's
/// <c>internal/structs/space.go</c> and of the api-bruno collection's "List Spaces" (id, name,
/// description, parentSpace, inheritEntities, labels).
/// </summary>
public sealed record EmulatedSpace
{
    /// <summary><c>root</c>, <c>legacy</c>, or <c>&lt;slug&gt;-&lt;ULID&gt;</c>.</summary>
    public required string Id { get; init; }
    public required string Name { get; init; }

    /// <summary>Empty when the space has none: both clients read it as a plain (non-null) string.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Null only for <c>root</c>, the top of the tree.</summary>
    public string? ParentSpace { get; init; }

    /// <summary>Whether the space inherits attachable resources (and read access) from its parent; the UI's default is on.</summary>
    public bool InheritEntities { get; init; } = true;
    public IReadOnlyList<string> Labels { get; init; } = [];
}

using Emulators.Spacelift.Stacks;

namespace Emulators.Spacelift.Search;

/// <summary>One page of a search: the stacks with their cursors, and the paging facts.</summary>
public sealed record SearchPage(IReadOnlyList<(string Cursor, EmulatedStack Stack)> Edges, string? EndCursor, bool HasNextPage, bool HasPreviousPage);

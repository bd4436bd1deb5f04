namespace Emulators.Spacelift.Search;

/// <summary>A search the server refuses (bad cursor, unknown predicate field, bad page size).</summary>
public sealed class SearchException(string message) : Exception(message);

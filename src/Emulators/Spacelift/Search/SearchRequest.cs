namespace Emulators.Spacelift.Search;

/// <summary>A <c>SearchInput</c>: page size, cursor, full-text search and predicates (orderBy is accepted and ignored).</summary>
public sealed record SearchRequest(int? First, string? After, string? FullTextSearch, IReadOnlyList<SearchPredicate> Predicates)
{
    public static SearchRequest FromInput(IReadOnlyDictionary<string, object?> input)
    {
        var predicates = (input.GetValueOrDefault("predicates") as IEnumerable<object?> ?? [])
            .OfType<IReadOnlyDictionary<string, object?>>()
            .Select(SearchPredicate.FromInput)
            .ToArray();
        return new SearchRequest(
            input.GetValueOrDefault("first") is { } first ? Convert.ToInt32(first, System.Globalization.CultureInfo.InvariantCulture) : null,
            input.GetValueOrDefault("after") as string,
            input.GetValueOrDefault("fullTextSearch") as string,
            predicates);
    }
}

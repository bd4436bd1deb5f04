namespace Emulators.Spacelift.Search;

/// <summary>
/// One <c>QueryPredicate</c>: a field, the values it may take (any of them matches) and whether the
/// match is negated. Only one constraint list is used: booleans, then enums, then strings.
/// </summary>
public sealed record SearchPredicate(string Field, IReadOnlyList<bool>? BooleanEquals, IReadOnlyList<string>? EnumEquals, IReadOnlyList<string>? StringMatches, bool Exclude)
{
    public static SearchPredicate FromInput(IReadOnlyDictionary<string, object?> input)
    {
        var constraint = input.GetValueOrDefault("constraint") as IReadOnlyDictionary<string, object?>
            ?? new Dictionary<string, object?>();
        return new SearchPredicate(
            input.GetValueOrDefault("field") as string ?? "",
            (constraint.GetValueOrDefault("booleanEquals") as IEnumerable<object?>)?.OfType<bool>().ToArray(),
            (constraint.GetValueOrDefault("enumEquals") as IEnumerable<object?>)?.OfType<string>().ToArray(),
            (constraint.GetValueOrDefault("stringMatches") as IEnumerable<object?>)?.OfType<string>().ToArray(),
            input.GetValueOrDefault("exclude") is true);
    }
}

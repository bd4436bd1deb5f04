using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Emulators.Spacelift.Stacks;
using Emulators.Unknowns;

namespace Emulators.Spacelift.Search;

/// <summary>
/// <c>searchStacks</c>: predicates combine with AND, the values inside one predicate with OR, and
/// <c>exclude</c> negates a predicate. String matches are whole-value and case-insensitive, with
/// <c>*</c> as a wildcard; <c>repository</c> also matches <c>namespace/repository</c> (spacectl sends
/// <c>owner/name</c>, the Terraform provider the bare name). Results are in creation order whatever
/// <c>orderBy</c> says. Page size: <c>first</c> defaults to <see cref="DefaultPageSize"/>; above the cap
/// (<see cref="MaxPageSize"/> unless the options say otherwise) it is cut to the cap or refused, as
/// <see cref="OversizedPage"/> says (both the cap and the answer are unknowns: docs/unknowns.md). Cursors
/// are opaque and name a stack's creation sequence, so they stay valid while stacks come and go.
/// </summary>
public static class StackSearch
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;
    private const string CursorPrefix = "stack:";

    public static SearchPage Run(
        IReadOnlyList<SequencedStack> stacks,
        SearchRequest request,
        Func<EmulatedStack, string> stateOf,
        int pageCap = MaxPageSize,
        OversizedPage oversized = OversizedPage.Clamp)
    {
        var first = request.First ?? DefaultPageSize;
        if (first < 0)
        {
            throw new SearchException("first must not be negative");
        }

        if (first > pageCap && oversized == OversizedPage.Error)
        {
            throw new SearchException($"first must not be greater than {pageCap.ToString(CultureInfo.InvariantCulture)}");
        }

        first = Math.Min(first, pageCap);
        var after = request.After is null ? -1 : DecodeCursor(request.After);
        var matching = stacks.Where(s => Matches(s.Stack, request, stateOf)).ToArray();
        var remaining = matching.Where(s => s.Sequence > after).ToArray();
        var page = remaining.Take(first).Select(s => (EncodeCursor(s.Sequence), s.Stack)).ToArray();
        return new SearchPage(
            page,
            page.Length > 0 ? page[^1].Item1 : null,
            remaining.Length > page.Length,
            matching.Length > remaining.Length);
    }

    public static string EncodeCursor(long sequence)
        => Convert.ToBase64String(Encoding.UTF8.GetBytes(CursorPrefix + sequence.ToString(CultureInfo.InvariantCulture)));

    private static long DecodeCursor(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith(CursorPrefix, StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(CursorPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                return sequence;
            }
        }
        catch (FormatException)
        {
            // Falls through to the refusal below.
        }

        throw new SearchException("invalid cursor");
    }

    private static bool Matches(EmulatedStack stack, SearchRequest request, Func<EmulatedStack, string> stateOf)
    {
        if (!string.IsNullOrEmpty(request.FullTextSearch) && !FullTextMatches(stack, request.FullTextSearch))
        {
            return false;
        }

        return request.Predicates.All(p => PredicateMatches(stack, p, stateOf) != p.Exclude);
    }

    private static bool FullTextMatches(EmulatedStack stack, string text)
        => stack.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
           || (stack.Description?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false)
           || stack.Labels.Any(l => l.Contains(text, StringComparison.OrdinalIgnoreCase));

    private static bool PredicateMatches(EmulatedStack stack, SearchPredicate predicate, Func<EmulatedStack, string> stateOf)
        => predicate.Field switch
        {
            "administrative" => BooleanMatches(predicate, stack.Administrative),
            "locked" => BooleanMatches(predicate, stack.LockedBy is not null),
            "disabled" or "isDisabled" => BooleanMatches(predicate, stack.IsDisabled),
            "state" => ValueMatches(predicate, [stateOf(stack)]),
            "vendor" => ValueMatches(predicate, [stack.Vendor.ToString().ToUpperInvariant()]),
            "provider" => ValueMatches(predicate, [stack.Provider]),
            "id" => ValueMatches(predicate, [stack.Id]),
            "name" => ValueMatches(predicate, [stack.Name]),
            "branch" => ValueMatches(predicate, [stack.Branch]),
            "projectRoot" => ValueMatches(predicate, [stack.ProjectRoot ?? ""]),
            "repository" => ValueMatches(predicate, [stack.Repository, $"{stack.Namespace}/{stack.Repository}"]),
            "label" => ValueMatches(predicate, stack.Labels),
            "space" => ValueMatches(predicate, [stack.Space]),
            "workerPool" => ValueMatches(predicate, [stack.WorkerPoolId ?? ""]),
            "commit" => ValueMatches(predicate, [stack.TrackedCommitSha ?? ""]),
            _ => throw new SearchException($"unknown predicate field \"{predicate.Field}\""),
        };

    private static bool BooleanMatches(SearchPredicate predicate, bool value)
        => predicate.BooleanEquals is { Count: > 0 } values
            ? values.Contains(value)
            : throw new SearchException($"predicate \"{predicate.Field}\" needs booleanEquals");

    private static bool ValueMatches(SearchPredicate predicate, IReadOnlyList<string> values)
    {
        var wanted = predicate.EnumEquals is { Count: > 0 } enums ? enums
            : predicate.StringMatches is { Count: > 0 } strings ? strings
            : throw new SearchException($"predicate \"{predicate.Field}\" needs enumEquals or stringMatches");
        return wanted.Any(w => values.Any(v => GlobMatches(w, v)));
    }

    private static bool GlobMatches(string pattern, string value)
        => pattern.Contains('*', StringComparison.Ordinal)
            // The static overload caches the compiled pattern across the stacks of one search.
            ? Regex.IsMatch(value, "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
            : string.Equals(pattern, value, StringComparison.OrdinalIgnoreCase);
}

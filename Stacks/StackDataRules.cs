using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Infra.Sdk;
using Infra.Sdk.Spacelift;

namespace Infra.Stacks;

/// <summary>
/// Every rule that keeps Spacelift data Port would reject out of the declarations, in one place.
/// A stack that breaks a rule is either repaired (title, labels, text) or rejected (identifier), always
/// with a diagnostic; nothing here throws, and a rejected id is reported so its entity is never pruned.
/// </summary>
public static partial class StackDataRules
{
    /// <summary>Port's entity identifier limit.</summary>
    public const int MaxIdentifierLength = 1000;

    /// <summary>Port's title limit; longer names are cut to fit and end with an ellipsis.</summary>
    public const int MaxTitleLength = 100;

    /// <summary>
    /// A generous cap on labels per stack: enough for any real stack, small enough that one runaway
    /// label list cannot push a bulk request past Port's 1 MiB body limit. Extra labels are dropped.
    /// </summary>
    public const int MaxLabels = 100;

    /// <summary>Longer labels are cut (a label this long is a mistake, not a tag).</summary>
    public const int MaxLabelLength = 512;

    /// <summary>Longer descriptions are cut: a page of text, far more than Port's catalog shows.</summary>
    public const int MaxDescriptionLength = 8_192;

    /// <summary>Space, repository, state, provider and branch: short names in Spacelift; longer ones are cut.</summary>
    public const int MaxFieldLength = 1_024;

    /// <summary>
    /// Port refuses a request body over 1 MiB (port-docs, docs/api-reference/port-api.info.mdx, "Size limit";
    /// its OpenAPI: 413 "Request body is too large (limit is 1MiB)"), and an entity is sent at least alone
    /// in a bulk body. With every field at its cap and every character at its costliest in JSON (six bytes,
    /// <c>\uXXXX</c>), a stack's entity stays under this many bytes, far enough below the limit for the
    /// envelope and the link: no stack can make a run fail for its size.
    /// </summary>
    public const int MaxEntityBytes = 6 * (MaxIdentifierLength + MaxTitleLength + MaxDescriptionLength + (5 * MaxFieldLength) + (MaxLabels * MaxLabelLength));

    private const char Ellipsis = '\u2026';

    /// <summary>Port's entity identifier pattern (docs/port-api.md §4).</summary>
    [GeneratedRegex(@"^(?!\.{1,2}$)[\p{L}0-9@_.+:\\/=-]+$")]
    private static partial Regex IdentifierPattern();

    public static StackDataCheck Check(IReadOnlyList<SpaceliftStack> stacks)
    {
        var accepted = new List<SpaceliftStack>(stacks.Count);
        var diagnostics = new List<Diagnostic>();
        var rejected = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stack in stacks)
        {
            var id = stack.Id;
            var idProblem = IdentifierProblem(id);
            if (idProblem is not null)
            {
                if (!string.IsNullOrEmpty(id))
                {
                    rejected.Add(id);
                }

                diagnostics.Add(Warn($"stack {Describe(id)} skipped: {idProblem}", id));
                continue;
            }

            if (!seen.Add(id))
            {
                diagnostics.Add(Warn($"stack '{id}' skipped: duplicate id in Spacelift's answer (the first one is kept)", id));
                continue;
            }

            var repairs = new List<string>();
            accepted.Add(new SpaceliftStack(
                id,
                Title(stack.Name, id, repairs),
                Field(stack.Space, "space", MaxFieldLength, repairs)!,
                Field(stack.Description, "description", MaxDescriptionLength, repairs),
                Labels(stack.Labels, repairs),
                Field(stack.Repository, "repository", MaxFieldLength, repairs)!,
                Field(stack.State, "state", MaxFieldLength, repairs)!,
                Field(stack.Provider, "provider", MaxFieldLength, repairs)!,
                Field(stack.Branch, "branch", MaxFieldLength, repairs)!));
            if (repairs.Count > 0)
            {
                diagnostics.Add(Warn($"stack '{id}' repaired: {string.Join("; ", repairs)}", id));
            }
        }

        return new StackDataCheck(accepted, diagnostics, rejected);
    }

    /// <summary>Why Port would reject <paramref name="id"/> as an entity identifier, or null when it is valid.</summary>
    public static string? IdentifierProblem(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return "empty id";
        }

        if (id.Length > MaxIdentifierLength)
        {
            return $"id is {id.Length} characters, Port allows {MaxIdentifierLength}";
        }

        return IdentifierPattern().IsMatch(id)
            ? null
            : "id does not match Port's identifier pattern (letters, digits and @_.+:\\/=- only; not '.' or '..')";
    }

    /// <summary>Removes control characters (keeping tab and line breaks) and replaces unpaired surrogates with U+FFFD.</summary>
    public static string Clean(string value)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            string? replacement = null;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder?.Append(c).Append(value[i + 1]);
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                replacement = "\uFFFD";
            }
            else if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
            {
                replacement = string.Empty;
            }

            if (replacement is null)
            {
                builder?.Append(c);
                continue;
            }

            builder ??= new StringBuilder(value.Length).Append(value, 0, i);
            builder.Append(replacement);
        }

        return builder?.ToString() ?? value;
    }

    private static string Title(string? name, string id, List<string> repairs)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            repairs.Add("empty name, the id is used as title");
            return id;
        }

        return Field(name, "name", MaxTitleLength, repairs)!;
    }

    /// <summary>The text cleaned, and cut to <paramref name="max"/> when longer, noting each repair.</summary>
    private static string? Field(string? value, string field, int max, List<string> repairs)
    {
        var text = Text(value, field, repairs);
        if (text is null || text.Length <= max)
        {
            return text;
        }

        repairs.Add($"{field} is {Count(text.Length)} characters, cut to {Count(max)}");
        return Cut(text, max);
    }

    /// <summary>The first <paramref name="max"/> - 1 characters and an ellipsis, never half a surrogate pair.</summary>
    private static string Cut(string text, int max)
    {
        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut), Ellipsis.ToString());
    }

    private static string? Text(string? value, string field, List<string> repairs)
    {
        if (value is null)
        {
            return null;
        }

        var clean = Clean(value);
        if (!ReferenceEquals(clean, value))
        {
            repairs.Add($"{field} had control characters or broken Unicode, cleaned");
        }

        return clean;
    }

    private static IReadOnlyList<string> Labels(IReadOnlyList<string?>? labels, List<string> repairs)
    {
        if (labels is null)
        {
            return [];
        }

        var clean = new List<string>(Math.Min(labels.Count, MaxLabels));
        var broken = false;
        var longest = 0;
        foreach (var label in labels)
        {
            if (label is null)
            {
                continue;
            }

            var text = Clean(label);
            broken |= !ReferenceEquals(text, label);
            if (clean.Count < MaxLabels)
            {
                longest = Math.Max(longest, text.Length);
                clean.Add(text.Length > MaxLabelLength ? Cut(text, MaxLabelLength) : text);
            }
        }

        if (broken)
        {
            repairs.Add("labels had control characters or broken Unicode, cleaned");
        }

        if (longest > MaxLabelLength)
        {
            repairs.Add($"a label is {Count(longest)} characters, cut to {Count(MaxLabelLength)}");
        }

        var count = labels.Count(l => l is not null);
        if (count > MaxLabels)
        {
            repairs.Add($"{count} labels, the first {MaxLabels} are kept");
        }

        return clean;
    }

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Describe(string? id) => id is null ? "(null id)"
        : id.Length == 0 ? "(empty id)"
        : $"'{Clean(id[..Math.Min(id.Length, 80)])}{(id.Length > 80 ? Ellipsis : string.Empty)}'";

    private static Diagnostic Warn(string message, string? id) => new(
        Severity.Warning,
        message,
        string.IsNullOrEmpty(id) || IdentifierProblem(id) is not null ? null : new ResourceAddress(ResourceKind.Entity, id));
}

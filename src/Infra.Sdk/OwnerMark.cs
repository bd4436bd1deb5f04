using System.Text.RegularExpressions;

namespace Infra.Sdk;

/// <summary>
/// The owner mark every managed resource carries in its <c>description</c>: a segment
/// <c>owner:&lt;project&gt;/&lt;stack&gt;</c>, separated from the rest by <c> · </c> as the secrets'
/// fingerprints are. The only parser and formatter of the mark: the declarations write it, the
/// ownership check reads it.
/// </summary>
public static partial class OwnerMark
{
    public const string Separator = " \u00b7 ";
    private const string Prefix = "owner:";

    /// <summary>The segment alone, for example <c>owner:infra/dev</c>.</summary>
    public static string Format(StackOwner owner) => Prefix + owner.Project + "/" + owner.Stack;

    /// <summary><paramref name="description"/> followed by the owner's segment.</summary>
    public static string Append(string description, StackOwner owner)
        => description.Length == 0 ? Format(owner) : description + Separator + Format(owner);

    /// <summary>
    /// The owner named in <paramref name="description"/>, or null when it carries no (well-formed) mark:
    /// a resource built by hand from the guide, by an older version, or rewritten by the guide's automation.
    /// </summary>
    public static StackOwner? Read(string? description)
    {
        var match = description is null ? null : Pattern().Match(description);
        return match is { Success: true } ? new StackOwner(match.Groups[1].Value, match.Groups[2].Value) : null;
    }

    // Project and stack names: Pulumi's characters (letters, digits, '_', '-', '.').
    [GeneratedRegex(@"(?:^|\s)owner:([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+)(?=\s|$)")]
    private static partial Regex Pattern();
}

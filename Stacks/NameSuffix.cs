using System.Text.RegularExpressions;

namespace Infra.Stacks;

/// <summary>
/// The rules for <c>infra:nameSuffix</c>. The suffix is appended to action identifiers as given
/// (<c>trigger_spacelift_stack_eu</c>) and to secret names upper-cased (<c>SPACELIFT_TOKEN_EU</c>), so
/// it must fit both of Port's patterns: action identifiers <c>[\p{L}0-9@_.+:=-]</c>, secret names
/// <c>[A-Za-z0-9_-]</c>, each at most 100 characters. '-' is left out as well: a secret name with a
/// dash breaks the <c>{{.secrets.NAME}}</c> templates (jq would read it as a subtraction).
/// </summary>
public static partial class NameSuffix
{
    /// <summary>
    /// Keeps the longest name (<c>spacelift_token_refresh_sync_</c> + suffix, 29 + 40) well under Port's
    /// 100, and action titles that name the suffix under Port's 100-character title limit.
    /// </summary>
    public const int MaxLength = 40;

    /// <summary>Why <paramref name="suffix"/> cannot be used, or null when it can (empty means no suffix).</summary>
    public static string? Problem(string suffix)
    {
        if (suffix.Length == 0)
        {
            return null;
        }

        if (suffix.Length > MaxLength)
        {
            return $"is {suffix.Length} characters long, at most {MaxLength} are allowed";
        }

        if (!Pattern().IsMatch(suffix))
        {
            return "may hold only lower-case letters, digits and '_', starting with a letter or digit (it becomes part of action identifiers and, upper-cased, of secret names)";
        }

        return null;
    }

    // Lower case only: secret names are upper-cased, so "eu" and "EU" would name the same secrets
    // while naming different actions.
    [GeneratedRegex("^[a-z0-9][a-z0-9_]*$")]
    private static partial Regex Pattern();
}

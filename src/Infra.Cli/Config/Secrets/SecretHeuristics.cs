using System.Text.RegularExpressions;

namespace Infra.Cli.Config.Secrets;

/// <summary>
/// Pulumi's guard against committing a secret in clear (<c>looksLikeSecret</c>): the key's name must
/// look secret and the value random. Pulumi scores the first 16 characters with zxcvbn; this simpler
/// estimate counts the distinct characters times the bits of the character classes used, with the
/// same thresholds (≥ 80 bits, or ≥ 40 bits at ≥ 3 bits a character).
/// </summary>
public static partial class SecretHeuristics
{
    private const int Sample = 16;

    public static bool LooksLikeSecret(ConfigKey key, string value)
    {
        if (!SecretName().IsMatch(key.Name))
        {
            return false;
        }

        var sample = value.Length > Sample ? value[..Sample] : value;
        if (sample.Length == 0)
        {
            return false;
        }

        var pool = (sample.Any(char.IsAsciiLetterLower) ? 26 : 0)
            + (sample.Any(char.IsAsciiLetterUpper) ? 26 : 0)
            + (sample.Any(char.IsAsciiDigit) ? 10 : 0)
            + (sample.Any(c => !char.IsAsciiLetterOrDigit(c)) ? 33 : 0);
        var entropy = sample.Distinct().Count() * Math.Log2(pool);
        return entropy >= 80 || entropy >= 40 && entropy / sample.Length >= 3;
    }

    [GeneratedRegex("passwd|pass|password|pwd|secret|token", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}

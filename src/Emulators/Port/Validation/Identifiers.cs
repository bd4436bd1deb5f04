using System.Text.RegularExpressions;

namespace Emulators.Port.Validation;

/// <summary>Port's identifier and key rules (docs/port-api.md §4).</summary>
internal static partial class Identifiers
{
    public const int BlueprintMax = 100;
    public const int EntityMax = 1000;
    public const int KeyMax = 100;
    public const int SecretNameMax = 100;
    public const int TitleMax = 100;
    public const int DescriptionMax = 200;

    [GeneratedRegex(@"^(?!\.{1,2}$)[\p{L}0-9@_.+:\\/-]+$")]
    public static partial Regex Blueprint();

    [GeneratedRegex(@"^(?!\.{1,2}$)[\p{L}0-9@_.+:\\/=-]+$")]
    public static partial Regex Entity();

    [GeneratedRegex(@"^(?!\.{1,2}$)[\p{L}0-9@_.+:=-]+$")]
    public static partial Regex Action();

    [GeneratedRegex(@"^[A-Za-z0-9@_=\-]+$")]
    public static partial Regex Key();

    [GeneratedRegex(@"^[A-Za-z0-9_-]+$")]
    public static partial Regex SecretName();

    /// <summary>Throws 422 <c>invalid_request</c> unless <paramref name="value"/> matches and fits.</summary>
    public static void Check(string what, string value, Regex pattern, int maxLength)
    {
        if (value.Length == 0 || value.Length > maxLength)
        {
            throw Http.PortApiError.Invalid($"{what} '{Shorten(value)}' must be 1 to {maxLength} characters long");
        }

        if (!pattern.IsMatch(value))
        {
            throw Http.PortApiError.Invalid($"{what} '{Shorten(value)}' does not match the pattern {pattern}");
        }
    }

    private static string Shorten(string value) => value.Length <= 120 ? value : value[..117] + "...";
}

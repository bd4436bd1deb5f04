using System.Globalization;
using Infra.Cli.Config.Yaml;

namespace Infra.Cli.Config;

/// <summary>The types a project config key may declare, checked the way Pulumi checks them.</summary>
internal static class ConfigTypes
{
    public const string String = "string";
    public const string Integer = "integer";
    public const string Boolean = "boolean";
    public const string Array = "array";
    public const string Object = "object";

    public static readonly IReadOnlyList<string> All = [String, Integer, Boolean, Array, Object];

    /// <summary>
    /// Pulumi accepts whole floats and numeric strings as integers and the strings "true"/"false" as
    /// booleans. A secure value cannot be checked before it is decrypted, so it passes here.
    /// </summary>
    public static bool Matches(string type, StackFileValue value) => (type, value) switch
    {
        (_, SecureValue) => true,
        (String, PlainValue) => true,
        (Integer, PlainValue plain) => TryParseInteger(plain.Text, out _),
        (Boolean, PlainValue plain) => TryParseBoolean(plain.Text, out _),
        (Array, ObjectValue json) => json.Json.StartsWith('['),
        (Object, ObjectValue json) => json.Json.StartsWith('{'),
        _ => false,
    };

    public static bool TryParseInteger(string text, out long value)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && double.IsFinite(number) && Math.Floor(number) == number && Math.Abs(number) < 9e15)
        {
            value = (long)number;
            return true;
        }

        return false;
    }

    public static bool TryParseBoolean(string text, out bool value)
        => bool.TryParse(text, out value);
}

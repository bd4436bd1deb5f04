using System.Globalization;
using System.Text.RegularExpressions;

namespace Emulators.Port.Timers;

/// <summary>
/// A timer property's value: an ISO 8601 date-time with a time zone (<c>Z</c> or an offset), as every
/// example in Port's timer page is ("2022-04-18T11:44:15.345Z", "2022-12-01T16:50:00+02:00"; port-docs
/// docs/build-your-software-catalog/customize-integrations/configure-data-model/setup-blueprint/properties/timer.md
/// at 4893974). A value without a zone names no instant, so the emulator refuses it; Port's exact rule is
/// not published.
/// </summary>
internal static partial class TimerValue
{
    public const string Expected = "an ISO 8601 date-time with a time zone, for example 2026-12-01T16:50:00Z or 2026-12-01T16:50:00.000+02:00";

    public static bool TryParse(string text, out DateTimeOffset instant)
    {
        instant = default;
        return Shape().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}

using System.Globalization;

namespace Infra.Tests.Support;

/// <summary>
/// Whether this test process was started ignoring a signal, as every child it starts then does too: a
/// background job of a non-interactive shell (<c>cmd &amp;</c> in a script) starts with SIGINT and SIGQUIT
/// ignored, and .NET, like most Unix programs, leaves an inherited SIGINT ignored. Read from Linux's
/// <c>/proc/self/status</c> (<c>SigIgn</c>, a hexadecimal mask with bit n-1 for signal n); false elsewhere.
/// </summary>
internal static class IgnoredSignals
{
    public const int SigInt = 2;

    public static bool Ignores(int signal)
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path))
        {
            return false;
        }

        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null
            && ulong.TryParse(line["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var mask)
            && (mask & (1UL << (signal - 1))) != 0;
    }
}

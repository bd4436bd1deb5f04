using System.Globalization;

namespace Infra.Cli.Shell.Rendering;

public static class Numbers
{
    /// <summary>Counts with thousands separators ("2,950"), whatever the machine's culture.</summary>
    public static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}

using System.Globalization;

namespace Infra.Cli.Http;

/// <summary>What was tried for one request: how many attempts, over how long, and whether the run's retry budget ran out.</summary>
internal sealed record AttemptSummary(int Count, TimeSpan Elapsed, bool BudgetSpent)
{
    /// <summary><c>3 attempts over 1.6 s</c>, and a note when the budget stopped the retries early.</summary>
    public override string ToString()
    {
        var attempts = Count == 1 ? "1 attempt" : $"{Count} attempts";
        var over = Count > 1 ? " over " + Seconds(Elapsed) : "";
        return attempts + over + (BudgetSpent ? "; the run's retry budget is spent" : "");
    }

    public static string Seconds(TimeSpan span) => span.TotalSeconds.ToString(span.TotalSeconds < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " s";
}

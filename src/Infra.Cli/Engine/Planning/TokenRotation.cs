namespace Infra.Cli.Engine.Planning;

/// <summary>
/// When the Spacelift JWT must be minted again. Only the recorded <c>validUntil</c> is trusted: no
/// lifetime is assumed, so a token whose record is missing or unreadable is re-minted.
/// </summary>
internal static class TokenRotation
{
    /// <summary>The reason the token is due, or null when it is still good for longer than the window.</summary>
    public static string? DueReason(bool exists, string? description, DateTimeOffset now, TimeSpan window)
    {
        if (!exists)
        {
            return "no token in Port yet: will mint one";
        }

        var validUntil = SecretDescription.ReadValidUntil(description);
        if (validUntil is null)
        {
            return "no readable validUntil in the secret's description (it was written outside this program): will re-mint";
        }

        var left = validUntil.Value - now;
        if (left <= TimeSpan.Zero)
        {
            return $"will re-mint (expired {Human(-left)} ago)";
        }

        return left <= window ? $"will re-mint (expires in {Human(left)}, inside the {Human(window)} window)" : null;
    }

    /// <summary>A short duration such as <c>1d2h</c>, <c>40m</c> or <c>30s</c>.</summary>
    public static string Human(TimeSpan span)
    {
        var parts = new List<string>(3);
        if (span.Days > 0)
        {
            parts.Add($"{span.Days}d");
        }

        if (span.Hours > 0)
        {
            parts.Add($"{span.Hours}h");
        }

        if (span.Minutes > 0)
        {
            parts.Add($"{span.Minutes}m");
        }

        return parts.Count > 0 ? string.Concat(parts) : $"{Math.Max(0, (int)span.TotalSeconds)}s";
    }
}

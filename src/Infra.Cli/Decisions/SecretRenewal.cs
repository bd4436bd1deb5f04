using Infra.Sdk;

namespace Infra.Cli.Decisions;

/// <summary>
/// When an executor mints a <see cref="SecretValue.Minted"/> value again, for both executors. Only the
/// expiry recorded in Port (<see cref="SecretRecord"/>) is trusted: no lifetime is assumed, so a value
/// whose record is missing or unreadable is minted again, as is one whose expiry is past or within the
/// renewal window, and one minted from a value that changes.
/// </summary>
public static class SecretRenewal
{
    /// <summary>Why the value must be minted now, or null when the one in Port is good for longer than the window.</summary>
    /// <param name="liveDescription">The secret's description in Port; null when Port has no such secret.</param>
    /// <param name="changedSources">The secrets it is minted from whose value changes in this run (by fingerprint).</param>
    /// <param name="ownWriter">
    /// For an executor that can keep only a value it wrote itself (Pulumi mode: its state holds no value it
    /// did not write), the writer mark it records; null when any writer's value can be kept.
    /// </param>
    /// <param name="forcedBy">The setting that asks for a new value whatever the record says, when it is on.</param>
    public static string? Reason(
        string? liveDescription,
        bool exists,
        IReadOnlyList<string> changedSources,
        DateTimeOffset now,
        TimeSpan window,
        string? ownWriter = null,
        string? forcedBy = null)
    {
        if (forcedBy is not null)
        {
            return $"rotation was asked for ({forcedBy})";
        }

        if (!exists)
        {
            return "not in Port yet: will mint one";
        }

        if (changedSources.Count > 0)
        {
            return $"the value it is minted from changes ({string.Join(", ", changedSources)}): will re-mint";
        }

        var validUntil = SecretRecord.ReadValidUntil(liveDescription);
        if (validUntil is null)
        {
            return "no readable validUntil in the secret's description (it was written outside this program): will re-mint";
        }

        var left = validUntil.Value - now;
        if (left <= TimeSpan.Zero)
        {
            return $"will re-mint (expired {Human(-left)} ago)";
        }

        if (left <= window)
        {
            return $"will re-mint (expires in {Human(left)}, inside the {Human(window)} window)";
        }

        return ownWriter is not null && SecretRecord.ReadWriter(liveDescription) != ownWriter
            ? $"last written by another executor, by hand or by an automation, so this executor holds no value it could keep: will re-mint"
            : null;
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

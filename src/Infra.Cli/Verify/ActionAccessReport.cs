namespace Infra.Cli.Verify;

/// <summary>
/// Who may execute and approve one action, as Port holds its permissions, in words (already masked).
/// <see cref="Execute"/> and <see cref="Approve"/> are null when the action is not in Port.
/// <see cref="RequiredApproval"/> is the action's <c>requiredApproval</c> type (<c>ANY</c>, <c>ALL</c>), null
/// when runs start without one. <see cref="MatchesDeclaration"/> is null when there was no declaration to
/// compare with.
/// </summary>
public sealed record ActionAccessReport(string Action, string? Execute, string? Approve, string? RequiredApproval, bool? MatchesDeclaration)
{
    /// <summary>The phrase a differing action's line ends with; <c>preview</c> shows the same difference in detail.</summary>
    public const string Differs = "differs from this stack's declaration: `up` restores it";

    /// <summary>One line: the action, who executes, who approves, whether runs wait, and a difference from the declaration.</summary>
    public string Line
    {
        get
        {
            var line = Execute is null
                ? $"{Action}: not in Port"
                : $"{Action}: execute: {Execute} — approve: {Approve} — "
                    + (RequiredApproval is null ? "no approval required" : $"approval required ({RequiredApproval})");
            return MatchesDeclaration == false ? $"{line} — {Differs}" : line;
        }
    }
}

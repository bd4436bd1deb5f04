namespace Infra.Cli.Verify;

/// <summary>
/// <paramref name="TriggerStack"/>: the entity to run <c>trigger_spacelift_stack</c> for, or null to
/// change nothing but the token. <paramref name="Timeout"/> bounds each wait for a run;
/// <paramref name="PollInterval"/> is the pause between two reads of a run.
/// </summary>
public sealed record VerifyOptions(string? TriggerStack, TimeSpan Timeout, TimeSpan PollInterval)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMilliseconds(500);
}

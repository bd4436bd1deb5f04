namespace Infra.Stacks;

/// <summary>
/// The self-renewing token switched on (<c>infra:tokenRenewalLoop</c>, on by default): Port renews
/// <c>SPACELIFT_TOKEN</c> itself, <paramref name="Margin"/> before the token's <c>validUntil</c>
/// (<c>infra:tokenRenewalMarginMinutes</c>), and <c>up</c> mints a token only when the loop has stopped.
/// </summary>
public sealed record RenewalLoop(TimeSpan Margin)
{
    /// <summary>Ten minutes: Port publishes no latency for its timers, so minutes rather than seconds.</summary>
    public static RenewalLoop Default { get; } = new(TimeSpan.FromMinutes(10));
}

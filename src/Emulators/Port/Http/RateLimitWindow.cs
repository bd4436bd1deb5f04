namespace Emulators.Port.Http;

/// <summary>
/// Port's per-organisation fixed window. <c>x-ratelimit-reset</c> is sent as seconds until the window
/// resets: the Terraform provider reads it that way and Ocean's heuristic accepts small values too.
/// </summary>
internal sealed class RateLimitWindow(PortEmulatorOptions options)
{
    private readonly Lock _gate = new();
    private DateTimeOffset _windowStart = options.Time.GetUtcNow();
    private int _count;

    public readonly record struct Snapshot(int Limit, int Remaining, int ResetSeconds, int PeriodSeconds, bool Exceeded);

    public Snapshot Count()
    {
        var now = options.Time.GetUtcNow();
        lock (_gate)
        {
            if (now - _windowStart >= options.RateLimitPeriod)
            {
                _windowStart = now;
                _count = 0;
            }

            _count++;
            var reset = (int)Math.Ceiling((_windowStart + options.RateLimitPeriod - now).TotalSeconds);
            return new Snapshot(
                options.RateLimit,
                Math.Max(0, options.RateLimit - _count),
                Math.Max(1, reset),
                (int)options.RateLimitPeriod.TotalSeconds,
                _count > options.RateLimit);
        }
    }
}

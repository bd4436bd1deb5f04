namespace Infra.Tests.Emulators.Spacelift;

/// <summary>A clock tests move by hand (token expiry, run progress).</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

using System.Text.Json.Nodes;
using Infra.Sdk;
using Infra.Stacks;
using Infra.Tests.Support;

namespace Infra.Tests.Stacks;

/// <summary>What preview and up say about the self-renewing token, read from the lease and the token's record.</summary>
public sealed class TokenLeaseCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ResourceAddress Address = new(ResourceKind.Entity, "SPACELIFT_TOKEN", "spacelift_token_lease");

    private static JsonObject Lease(string? renewAt, string status = "RENEWED", string? error = null) => new()
    {
        ["identifier"] = "SPACELIFT_TOKEN",
        ["updatedAt"] = "2026-12-01T11:10:02.000Z",
        ["properties"] = new JsonObject { ["renew_at"] = renewAt, ["renewal_status"] = status, ["renewal_error"] = error },
    };

    private static JsonObject Token(DateTimeOffset validUntil) => new() { ["description"] = SecretRecord.WithValidUntil("Managed by infra", validUntil) };

    private static Diagnostic? Judge(JsonObject? lease, JsonObject? token) => TokenLeaseCheck.Judge(GoldenDeclaration.Inputs, lease, token, Now, Address);

    [Fact]
    public void ARunningLoopSaysWhenPortRenewsNext()
    {
        var said = Judge(Lease("2026-12-01T12:50:00Z"), Token(Now.AddHours(1)))!;

        Assert.Equal(Severity.Info, said.Severity);
        Assert.Equal("SPACELIFT_TOKEN renews itself in Port: next at 2026-12-01T12:50:00Z, before the token expires at 2026-12-01T13:00:00Z (infra:tokenRenewalLoop)", said.Message);
        Assert.Equal(Address, said.Address);
    }

    [Fact]
    public void AFailedRenewalSaysWhyAndHowToStartItAgain()
    {
        var said = Judge(Lease("2026-12-01T11:10:00Z", "FAILED", "unauthorized"), Token(Now.AddMinutes(10)))!;

        Assert.Equal(Severity.Warning, said.Severity);
        Assert.Equal(
            "the self-renewing SPACELIFT_TOKEN has stopped: its last renewal failed (unauthorized; lease updated 2026-12-01T11:10:02.000Z); "
            + "fix the cause (a refused key: spacelift:apiKeyId and spacelift:apiKeySecret), then up mints a new SPACELIFT_TOKEN and sets the timer again",
            said.Message);
    }

    [Theory]
    [InlineData(null, "its timer (renew_at) is empty")]
    [InlineData("2026-12-01T11:59:59Z", "its timer (renew_at 2026-12-01T11:59:59Z) is past and was not set again")]
    public void AnEmptyOrPastTimerIsAStoppedLoop(string? renewAt, string why)
    {
        var said = Judge(Lease(renewAt), Token(Now.AddHours(1)))!;

        Assert.Equal(Severity.Warning, said.Severity);
        Assert.Equal($"the self-renewing SPACELIFT_TOKEN has stopped: {why}; up mints a new SPACELIFT_TOKEN and sets the timer again", said.Message);
    }

    [Fact]
    public void AnExpiredTokenIsAStoppedLoopWhateverTheTimerSays()
    {
        var said = Judge(Lease("2026-12-01T13:00:00Z"), Token(Now.AddMinutes(-1)))!;

        Assert.Equal(Severity.Warning, said.Severity);
        Assert.Contains("SPACELIFT_TOKEN expired at 2026-12-01T11:59:00Z", said.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoLeaseYetSaysNothingThePlanCreatesIt() => Assert.Null(Judge(null, null));
}

namespace Infra.Tests.Support;

/// <summary>Assertions on a run that print everything the program said when they fail.</summary>
internal static class Expect
{
    public static void Exit(int code, CliRun run) => Assert.True(run.ExitCode == code, $"expected exit {code}, got {run}");

    /// <summary>A user error: exactly one "error:" line and no stack trace anywhere.</summary>
    public static void OneLineError(CliRun run)
    {
        Assert.True(run.ErrorLines.Count == 1, $"expected one error line, got {run}");
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.ErrorLines[0], StringComparison.Ordinal);
    }
}

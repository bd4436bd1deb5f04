namespace Infra.Tests.Support;

/// <summary>INFRA_LONG_TESTS=1 turns the CI-sized reliability matrices into the full ones.</summary>
internal static class LongRuns
{
    public static bool Enabled => Environment.GetEnvironmentVariable("INFRA_LONG_TESTS") == "1";
}

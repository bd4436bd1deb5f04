namespace Infra.Verify;

public enum VerifyStepStatus
{
    Passed,
    Failed,

    /// <summary>Not attempted because an earlier link broke.</summary>
    Skipped,
}

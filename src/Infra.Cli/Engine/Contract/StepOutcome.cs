namespace Infra.Cli.Engine.Contract;

public enum StepOutcome
{
    Succeeded,
    Failed,
    /// <summary>Not attempted: held back by a safety rule, or never reached.</summary>
    Skipped,
}

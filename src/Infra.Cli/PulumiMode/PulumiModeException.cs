namespace Infra.Cli.PulumiMode;

/// <summary>A reason to stop the Pulumi program, already worded for the user: it is logged to the engine as one error line.</summary>
public sealed class PulumiModeException(string message) : Exception(message);

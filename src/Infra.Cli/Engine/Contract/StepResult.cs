namespace Infra.Cli.Engine.Contract;

/// <summary>What happened to one planned change; <see cref="Message"/> is Port's own error text on failure.</summary>
public sealed record StepResult(ResourceChange Change, StepOutcome Outcome, string? Message = null);

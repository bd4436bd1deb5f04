namespace Infra.Cli.Engine.Planning;

/// <summary>How reading Spacelift went: the stacks seen, and the failure if the read did not finish.</summary>
internal sealed record SpaceliftRead(int StacksSeen, string? Failure);

namespace FakePulumiEngine.Cli;

/// <summary>An error the Pulumi CLI reports before it starts the program (its message is the CLI's wording).</summary>
public sealed class PulumiCliException(string message) : Exception(message);

namespace Infra.Tests.Support;

/// <summary>What one run of the program printed and returned.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public string All => Output + "\n" + Error;

    /// <summary>The error lines the program printed (each starts with "error:").</summary>
    public IReadOnlyList<string> ErrorLines =>
        Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToArray();

    /// <summary>For assertion messages: the exit code and everything printed.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
}

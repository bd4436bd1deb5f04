namespace FakePulumiEngine;

/// <summary>One run of the program under the fake engine.</summary>
public sealed record ProgramRun(int ExitCode, string Output, string Error, TimeSpan Elapsed)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
}

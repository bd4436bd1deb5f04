namespace Emulators.Spacelift.Runs;

/// <summary>The commit a run ran on, beyond its hash: who wrote it, its message and time (Unix seconds).</summary>
public sealed record RunCommit(string? AuthorLogin, string AuthorName, string Message, long Timestamp);

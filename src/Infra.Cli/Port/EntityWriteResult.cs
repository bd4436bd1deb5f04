namespace Infra.Cli.Port;

/// <summary>The outcome for one entity of a bulk write: <see cref="Error"/> is Port's code, <see cref="Message"/> its text.</summary>
public sealed record EntityWriteResult(string Identifier, bool Succeeded, int? StatusCode = null, string? Error = null, string? Message = null);

namespace Emulators.Jq;

/// <summary>An expression outside the supported jq subset, a syntax error, or a run-time jq error.</summary>
public sealed class JqException(string message) : Exception(message);

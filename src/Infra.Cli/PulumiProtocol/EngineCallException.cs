namespace Infra.Cli.PulumiProtocol;

/// <summary>
/// A call to the engine failed or the engine refused a resource. The message is the engine's own
/// (gRPC status detail), so callers report it without knowing about gRPC.
/// </summary>
public sealed class EngineCallException(string message, Exception? inner = null) : Exception(message, inner);

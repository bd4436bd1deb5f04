namespace Infra.Cli.Spacelift;

/// <summary>No answer came from Spacelift after every attempt (connection failures or timeouts).</summary>
public sealed class SpaceliftUnreachableException(string message, Exception? inner = null) : SpaceliftException(message, inner);

namespace Infra.Cli.Http;

/// <summary>No answer came after every attempt (connection failures or timeouts); the message says which.</summary>
internal sealed class TransportException(string message, Exception inner) : Exception(message, inner);

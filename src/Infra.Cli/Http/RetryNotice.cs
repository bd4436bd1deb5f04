namespace Infra.Cli.Http;

/// <summary>
/// A request is about to be sent again: which service and host, which request, why, which retry of
/// how many at most, and after how long a wait.
/// </summary>
public sealed record RetryNotice(string Service, string Host, string Request, string Cause, int Retry, int MaxRetries, TimeSpan Delay);

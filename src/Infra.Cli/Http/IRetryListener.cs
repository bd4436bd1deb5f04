namespace Infra.Cli.Http;

/// <summary>Receives every retry of the clients, to show the user that a run is waiting and on what.</summary>
public interface IRetryListener
{
    /// <summary>Called on the request's own flow, possibly from many requests at once.</summary>
    void OnRetry(RetryNotice notice);
}

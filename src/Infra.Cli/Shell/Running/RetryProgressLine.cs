using Infra.Cli.Http;
using Spectre.Console;

namespace Infra.Cli.Shell.Running;

/// <summary>
/// Says on stderr that a run is waiting and on what, without a line per retry: one line when a host
/// first needs a retry, then at most one every <see cref="Quiet"/> while retries to it go on, so a long
/// wait is never silent and a storm of requests is never a storm of lines. The final verdict is the
/// error line, which names the host and what was tried.
/// </summary>
internal sealed class RetryProgressLine(IAnsiConsole error, TimeProvider time) : IRetryListener
{
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(15);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Waiting> _hosts = new(StringComparer.Ordinal);

    public void OnRetry(RetryNotice notice)
    {
        var now = time.GetUtcNow();
        string? line = null;
        lock (_gate)
        {
            if (!_hosts.TryGetValue(notice.Host, out var waiting))
            {
                _hosts[notice.Host] = new Waiting(now, 1);
                line = $"{notice.Service} at {notice.Host}: {notice.Cause} to {notice.Request}; retrying (up to {notice.MaxRetries} times, next in {AttemptSummary.Seconds(notice.Delay)})";
            }
            else
            {
                waiting = waiting with { Retries = waiting.Retries + 1 };
                if (now - waiting.LastLine >= Quiet)
                {
                    waiting = waiting with { LastLine = now };
                    line = $"{notice.Service} at {notice.Host}: still waiting, {waiting.Retries} retries so far, last {notice.Cause} to {notice.Request}";
                }

                _hosts[notice.Host] = waiting;
            }
        }

        if (line is not null)
        {
            // The raw writer: a URL or a body snippet must not be read as console markup.
            error.Profile.Out.Writer.WriteLine(line);
        }
    }

    private sealed record Waiting(DateTimeOffset LastLine, int Retries);
}

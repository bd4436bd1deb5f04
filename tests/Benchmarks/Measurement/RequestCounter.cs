using System.Diagnostics;

namespace Benchmarks.Measurement;

/// <summary>
/// Counts HTTP requests this process sends to the two emulators by listening to .NET's own
/// <c>System.Net.Http</c> activities. Counting on the client side works the same whether the emulators run
/// in this process or in a child, and needs nothing from the product or the emulators.
/// </summary>
public sealed class RequestCounter : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly Lock _gate = new();
    private Endpoints? _endpoints;
    private int _portReads, _portWrites, _spacelift, _parallel, _throttled, _failed;
    private TimeSpan _portBusy, _spaceliftBusy;

    public RequestCounter()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = OnStopped,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Starts counting afresh, for requests to these two base URLs only.</summary>
    public void Reset(Uri portUrl, Uri spaceliftUrl)
    {
        lock (_gate)
        {
            _endpoints = new Endpoints(portUrl, spaceliftUrl);
            _portReads = _portWrites = _spacelift = _parallel = _throttled = _failed = 0;
            _portBusy = _spaceliftBusy = TimeSpan.Zero;
        }
    }

    public RequestCounts Snapshot()
    {
        lock (_gate)
        {
            return new RequestCounts(_portReads, _portWrites, _spacelift, _parallel, _throttled, _failed, _portBusy, _spaceliftBusy);
        }
    }

    public void Dispose() => _listener.Dispose();

    private void OnStopped(Activity activity)
    {
        if (activity.GetTagItem("url.full") is not string url || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return;
        }

        var method = activity.GetTagItem("http.request.method") as string ?? "";
        var status = activity.GetTagItem("http.response.status_code") is int code ? code : 0;
        lock (_gate)
        {
            if (_endpoints is not { } endpoints)
            {
                return;
            }

            if (endpoints.IsSpacelift(uri))
            {
                _spacelift++;
                _spaceliftBusy += activity.Duration;
            }
            else if (endpoints.IsPort(uri))
            {
                _portBusy += activity.Duration;
                var route = PortRoutes.Classify(method, uri.AbsolutePath);
                if (route == RouteKind.Read)
                {
                    _portReads++;
                }
                else
                {
                    _portWrites++;
                    _parallel += route == RouteKind.BulkWrite ? 1 : 0;
                }
            }
            else
            {
                return;
            }

            _throttled += status == 429 ? 1 : 0;
            _failed += status == 0 || status >= 500 ? 1 : 0;
        }
    }

    private sealed record Endpoints(Uri Port, Uri Spacelift)
    {
        public bool IsPort(Uri uri) => SameAuthority(uri, Port);

        public bool IsSpacelift(Uri uri) => SameAuthority(uri, Spacelift);

        private static bool SameAuthority(Uri a, Uri b) =>
            a.Port == b.Port && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase);
    }
}

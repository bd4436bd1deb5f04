using Emulators.Faults;
using Microsoft.AspNetCore.Http;

namespace Emulators.Hosting;

/// <summary>
/// Runs before each service's own middleware: counts the request, adds the configured latency, then
/// injects a fault if the fault spec picks this request. Waits run on the emulators' clock, so a test
/// with a fake clock decides when a slow or delayed answer comes.
/// </summary>
internal sealed class EmulatorMiddleware(
    string service,
    Func<HttpRequest, CancellationToken, ValueTask<RequestClass>> classify,
    ServiceCounters counters,
    FaultInjector faults,
    Func<int> latencyMs,
    TimeProvider time)
{
    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        var cancellation = http.RequestAborted;
        var request = await classify(http.Request, cancellation);
        counters.Count(request);

        var latency = latencyMs();
        if (latency > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(latency), time, cancellation);
        }

        switch (faults.Decide(service, request.Group))
        {
            case null:
                break;
            case FaultKind.Drop:
                http.Abort();
                return;
            case FaultKind.Slow:
                await Task.Delay(faults.SlowDelay, time, cancellation);
                break;
            case { } kind:
                await FaultResponses.WriteAsync(http, service, kind, faults.RetryAfterSeconds);
                return;
        }

        await next(http);
    }
}

using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Emulators.Port.Runs;

namespace Emulators.Spacelift.Webhooks;

/// <summary>
/// Sends run events to named webhooks as Spacelift documents it: <c>POST</c> of the JSON body with
/// <c>X-Signature: sha1=&lt;hex HMAC-SHA1&gt;</c> and <c>X-Signature-256: sha256=&lt;hex HMAC-SHA256&gt;</c>
/// of the raw body (when the webhook has a secret); with <c>retryOnFailure</c>, up to 3 retries on a 5xx,
/// a timeout or a refused connection, after 1, 2 and 4 s times <see cref="RetryScale"/>; a webhook is disabled
/// after <see cref="DisableAfter"/> consecutive failed deliveries. Each (webhook, stack) pair is a FIFO
/// with one event in flight, so a stack's events arrive in the order they happened, retries included.
/// </summary>
public sealed class WebhookDeliverer
{
    private static readonly HttpClient FallbackClient = new();
    private static readonly TimeSpan[] BackOff = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)];

    private readonly HttpClient _http;
    private readonly NamedStore<NamedWebhook> _webhooks;
    private readonly TimeProvider _time;
    private readonly BackgroundWork _background = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Webhook, string Stack), Queue<Pending>> _queues = [];
    private readonly Dictionary<string, int> _queued = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _consecutiveFailures = new(StringComparer.Ordinal);
    private readonly List<WebhookDelivery> _deliveries = [];

    private sealed record Pending(RunEvent Event, byte[] Body);

    internal WebhookDeliverer(HttpClient? http, NamedStore<NamedWebhook> webhooks, TimeProvider time)
    {
        _http = http ?? FallbackClient;
        _webhooks = webhooks;
        _time = time;
    }

    /// <summary>Multiplies the 1/2/4 s back-off (tests use 0; it runs on the real clock, not the emulator's).</summary>
    public double RetryScale { get; set; } = 1.0;

    /// <summary>How long one attempt may take before it counts as a timeout.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Events waiting per webhook before new ones are dropped.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>Spacelift: "automatically disabled after 10 or more consecutive failures".</summary>
    public int DisableAfter { get; set; } = 10;

    /// <summary>Raised after each attempt is recorded.</summary>
    public event Action<WebhookDelivery>? Recorded;

    /// <summary>Every attempt and drop so far, oldest first.</summary>
    public IReadOnlyList<WebhookDelivery> Deliveries
    {
        get
        {
            lock (_gate)
            {
                return [.. _deliveries];
            }
        }
    }

    /// <summary>Completes once nothing is queued or in flight (including retries' back-off).</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken = default) => _background.WhenIdleAsync(cancellationToken);

    internal void Enqueue(NamedWebhook webhook, RunEvent runEvent, byte[] body)
    {
        var key = (webhook.Id, runEvent.Stack.Id);
        bool full, start = false;
        lock (_gate)
        {
            var queued = _queued.GetValueOrDefault(webhook.Id);
            full = queued >= QueueCapacity;
            if (!full)
            {
                _queued[webhook.Id] = queued + 1;
                if (_queues.TryGetValue(key, out var queue))
                {
                    queue.Enqueue(new Pending(runEvent, body));
                }
                else
                {
                    _queues[key] = new Queue<Pending>([new Pending(runEvent, body)]);
                    start = true;
                }
            }
        }

        if (full)
        {
            Record(new WebhookDelivery(webhook.Id, runEvent.Stack.Id, runEvent.Run.Id, runEvent.State, runEvent.StateVersion, 0, null,
                WebhookDeliveryOutcome.Dropped, $"queue full ({QueueCapacity} events waiting)", _time.GetUtcNow()));
        }
        else if (start)
        {
            _background.Start(() => DrainAsync(key));
        }
    }

    private async Task DrainAsync((string Webhook, string Stack) key)
    {
        while (true)
        {
            Pending next;
            lock (_gate)
            {
                var queue = _queues[key];
                if (queue.Count == 0)
                {
                    _queues.Remove(key);
                    return;
                }

                next = queue.Peek();
            }

            await DeliverAsync(key.Webhook, next);
            lock (_gate)
            {
                _queues[key].Dequeue();
                _queued[key.Webhook]--;
            }
        }
    }

    private async Task DeliverAsync(string webhookId, Pending pending)
    {
        var e = pending.Event;
        for (var attempt = 1; ; attempt++)
        {
            var webhook = _webhooks.Find(webhookId);
            if (webhook is null || !webhook.Enabled)
            {
                Record(new WebhookDelivery(webhookId, e.Stack.Id, e.Run.Id, e.State, e.StateVersion, attempt, null,
                    WebhookDeliveryOutcome.Dropped, webhook is null ? "webhook deleted" : "webhook disabled", _time.GetUtcNow()));
                return;
            }

            var (status, error) = await SendAsync(webhook, pending.Body);
            var ok = status is >= 200 and < 300;
            var retryable = status is null or >= 500;
            var retry = !ok && retryable && webhook.RetryOnFailure && attempt <= BackOff.Length;
            var outcome = ok ? WebhookDeliveryOutcome.Delivered : retry ? WebhookDeliveryOutcome.WillRetry : WebhookDeliveryOutcome.Abandoned;
            Record(new WebhookDelivery(webhookId, e.Stack.Id, e.Run.Id, e.State, e.StateVersion, attempt, status, outcome, error, _time.GetUtcNow()));
            if (retry)
            {
                var delay = BackOff[attempt - 1] * RetryScale;
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay);
                }

                continue;
            }

            Counted(webhookId, ok);
            return;
        }
    }

    private async Task<(int? Status, string? Error)> SendAsync(NamedWebhook webhook, byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (!string.IsNullOrEmpty(webhook.Secret))
        {
            var key = Encoding.UTF8.GetBytes(webhook.Secret);
            request.Headers.TryAddWithoutValidation("X-Signature", "sha1=" + Convert.ToHexStringLower(HMACSHA1.HashData(key, body)));
            request.Headers.TryAddWithoutValidation("X-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, body)));
        }

        using var timeout = new CancellationTokenSource(AttemptTimeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return ((int)response.StatusCode, null);
        }
        catch (OperationCanceledException)
        {
            return (null, $"timed out after {AttemptTimeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException e)
        {
            return (null, e.Message);
        }
        catch (ObjectDisposedException)
        {
            return (null, "the emulator is shutting down");
        }
    }

    /// <summary>A webhook written through the API starts counting failures afresh (re-enabling it must stick).</summary>
    internal void ResetFailures(string webhookId)
    {
        lock (_gate)
        {
            _consecutiveFailures.Remove(webhookId);
        }
    }

    /// <summary>Counts a finished delivery; the tenth failure in a row disables the webhook.</summary>
    private void Counted(string webhookId, bool ok)
    {
        int failures;
        lock (_gate)
        {
            failures = ok ? 0 : _consecutiveFailures.GetValueOrDefault(webhookId) + 1;
            _consecutiveFailures[webhookId] = failures;
        }

        if (failures >= DisableAfter)
        {
            _webhooks.Update(webhookId, w => w with { Enabled = false });
        }
    }

    private void Record(WebhookDelivery delivery)
    {
        lock (_gate)
        {
            _deliveries.Add(delivery);
        }

        Recorded?.Invoke(delivery);
    }
}

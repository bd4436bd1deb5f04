using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Emulators.Jq;
using Emulators.Port.Auth;
using Emulators.Port.Http;

namespace Emulators.Port.Runs;

/// <summary>
/// Sends a WEBHOOK invocation: renders the templates, adds Port's own authentication when the target is
/// Port's API (rewriting the public Port hosts to this emulator), signs other webhooks as Port does, and
/// bounds the call with a timeout.
/// </summary>
internal sealed class WebhookInvoker(PortEmulatorOptions options, HttpClient client, TokenIssuer tokens, Func<Uri?> publicBaseUrl)
{
    private static readonly string[] PortApiHosts = ["api.port.io", "api.getport.io", "api.us.port.io", "api.us.getport.io"];

    public async Task<WebhookOutcome> InvokeAsync(JsonObject invocation, JsonObject templateContext, int depth, CancellationToken cancellationToken)
    {
        var synchronized = false;
        HttpRequestMessage request;
        try
        {
            synchronized = Flag(invocation["synchronized"], templateContext);
            request = Build(invocation, templateContext, depth);
        }
        catch (JqException e)
        {
            return new WebhookOutcome(null, null, $"Failed to render the invocation: {e.Message}", synchronized);
        }
        catch (WebhookException e)
        {
            return new WebhookOutcome(null, null, e.Message, synchronized);
        }

        using (request)
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(options.WebhookTimeout);
            try
            {
                using var response = await client.SendAsync(request, timeout.Token);
                var text = await response.Content.ReadAsStringAsync(timeout.Token);
                return new WebhookOutcome((int)response.StatusCode, ParseBody(text), null, synchronized);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new WebhookOutcome(null, null, $"The webhook {request.Method} {request.RequestUri} did not answer within {options.WebhookTimeout.TotalSeconds:0.#} s", synchronized);
            }
            catch (HttpRequestException e)
            {
                return new WebhookOutcome(null, null, $"The webhook {request.Method} {request.RequestUri} failed: {e.Message}", synchronized);
            }
        }
    }

    private HttpRequestMessage Build(JsonObject invocation, JsonObject context, int depth)
    {
        var urlText = JqTemplate.RenderText(invocation["url"]!.GetValue<string>(), context);
        if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new WebhookException($"The webhook URL '{urlText}' is not an absolute http(s) URL");
        }

        var isPortApi = IsPortApi(ref url);
        var method = new HttpMethod(invocation["method"]?.GetValue<string>() ?? "POST");
        var request = new HttpRequestMessage(method, url);
        string? body = null;
        if (invocation["body"] is { } template && method != HttpMethod.Get)
        {
            body = JqTemplate.Render(template, context)?.ToJsonString() ?? "null";
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (invocation["headers"] is JsonObject headers)
        {
            foreach (var (name, value) in headers)
            {
                var rendered = JqTemplate.RenderText(value!.GetValue<string>(), context);
                if (string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    if (request.Content is not null && MediaTypeHeaderValue.TryParse(rendered, out var mediaType))
                    {
                        request.Content.Headers.ContentType = mediaType;
                    }
                }
                else if (!request.Headers.TryAddWithoutValidation(name, rendered))
                {
                    request.Content?.Headers.TryAddWithoutValidation(name, rendered);
                }
            }
        }

        if (isPortApi)
        {
            // Port authenticates calls to its own API with the organisation's credentials (docs/port-api.md §5).
            if (!Flag(invocation["agent"], context) && request.Headers.Authorization is null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Issue().Token);
            }

            request.Headers.TryAddWithoutValidation(PortPipeline.DepthHeader, (depth + 1).ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            Sign(request, body ?? string.Empty);
        }

        return request;
    }

    /// <summary>True for this emulator's own URL and for Port's public API hosts, which are rewritten to it.</summary>
    private bool IsPortApi(ref Uri url)
    {
        var self = publicBaseUrl();
        if (self is not null && Uri.Compare(url, self, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
        {
            return true;
        }

        if (!PortApiHosts.Contains(url.Host, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        if (self is null)
        {
            throw new WebhookException($"The webhook targets Port's API ({url.Host}) but the emulator's public URL is not known yet");
        }

        url = new UriBuilder(url) { Scheme = self.Scheme, Host = self.Host, Port = self.Port }.Uri;
        return true;
    }

    /// <summary>Port's webhook signature: base64 HMAC-SHA256 of "{timestamp}.{body}" keyed with the client secret.</summary>
    private void Sign(HttpRequestMessage request, string body)
    {
        var timestamp = options.Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.ClientSecret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        request.Headers.TryAddWithoutValidation("x-port-timestamp", timestamp);
        request.Headers.TryAddWithoutValidation("x-port-signature", "v1," + Convert.ToBase64String(signature));
    }

    /// <summary><c>agent</c> and <c>synchronized</c> are booleans or jq expressions over the run context.</summary>
    private static bool Flag(JsonNode? value, JsonObject context) => value switch
    {
        null => false,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonValues.IsTruthy(JqExpression.Parse(v.GetValue<string>()).Evaluate(context)),
        _ => value.GetValueKind() == JsonValueKind.True,
    };

    private static JsonNode? ParseBody(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    private sealed class WebhookException(string message) : Exception(message);
}

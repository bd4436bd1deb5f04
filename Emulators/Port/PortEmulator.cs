using Microsoft.AspNetCore.Builder;

namespace Emulators.Port;

/// <summary>Port's REST API, in memory (stub: owned by the Port emulator work).</summary>
public sealed class PortEmulator
{
    public PortEmulator(PortEmulatorOptions options, HttpClient webhookClient)
    {
        Options = options;
        WebhookClient = webhookClient;
    }

    public PortEmulatorOptions Options { get; }

    internal HttpClient WebhookClient { get; }

    /// <summary>This emulator's own base URL once bound; webhooks to it get Port's authentication added.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Adds Port's middleware (auth, body limit, trace id, rate-limit headers) and every route.</summary>
    public void Configure(WebApplication app) { }
}

using Emulators.Spacelift.Webhooks;

namespace Emulators.Spacelift.Graph;

/// <summary>A named webhook as <c>NamedWebhooksIntegration</c> shows it: the secret reads back empty (write-only).</summary>
internal sealed class NamedWebhookView(NamedWebhook webhook, SpaceliftEmulator emulator)
{
    public string Id => webhook.Id;
    public bool Enabled => webhook.Enabled;
    public string Endpoint => webhook.Endpoint;
    public SpaceView Space => SpaceView.Of(webhook.Space, emulator.Spaces);
    public string Name => webhook.Name;
    public string Secret => string.Empty;
    public IReadOnlyList<string> SecretHeaders => [];
    public IReadOnlyList<string> Labels => webhook.Labels;
    public bool RetryOnFailure => webhook.RetryOnFailure;
    public long CreatedAt => webhook.CreatedAt;
}

/// <summary>A policy as the <c>Policy</c> type shows it (<c>space</c> a plain id, unlike a webhook's; <c>spaceDetails</c> the object).</summary>
internal sealed record PolicyView(
    string Id, IReadOnlyList<string> Labels, string Name, string Body, string Type, string Space, string? Description, string EngineType, long CreatedAt, long UpdatedAt, SpaceView SpaceDetails)
{
    public PolicyView(EmulatedPolicy policy, SpaceliftEmulator emulator)
        : this(policy.Id, policy.Labels, policy.Name, policy.Body, policy.Type, policy.Space, policy.Description, policy.EngineType, policy.CreatedAt, policy.UpdatedAt, SpaceView.Of(policy.Space, emulator.Spaces))
    {
    }
}

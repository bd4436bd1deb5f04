namespace Emulators.Spacelift.Webhooks;

/// <summary>A named webhook integration. <see cref="Secret"/> is write-only through the API.</summary>
public sealed record NamedWebhook
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Endpoint { get; init; }
    public required string Space { get; init; }
    public required bool Enabled { get; init; }
    public string? Secret { get; init; }
    public IReadOnlyList<string> Labels { get; init; } = [];
    public bool RetryOnFailure { get; init; }

    /// <summary>Unix seconds of the create.</summary>
    public long CreatedAt { get; init; }
}

namespace Emulators.Spacelift.Webhooks;

/// <summary>
/// A policy. Only NOTIFICATION policies are evaluated (their <see cref="Rules"/> parsed when written);
/// the other types are stored and never evaluated.
/// </summary>
public sealed record EmulatedPolicy
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Body { get; init; }
    public required string Type { get; init; }
    public string Space { get; init; } = "root";
    public string? Description { get; init; }
    public IReadOnlyList<string> Labels { get; init; } = [];
    public string EngineType { get; init; } = "REGO_V0";

    /// <summary>Unix seconds of the create.</summary>
    public long CreatedAt { get; init; }

    /// <summary>Unix seconds of the latest create or update.</summary>
    public long UpdatedAt { get; init; }
    internal IReadOnlyList<NotificationRule> Rules { get; init; } = [];
}

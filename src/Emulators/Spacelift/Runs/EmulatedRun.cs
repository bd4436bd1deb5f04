namespace Emulators.Spacelift.Runs;

/// <summary>
/// A run recorded by <c>runTrigger</c>, with who triggered it and the bearer token that authorised it
/// (tests check that an action sent the token from the right secret).
/// </summary>
public sealed record EmulatedRun
{
    public required string Id { get; init; }
    public required string StackId { get; init; }

    /// <summary>A <c>RunType</c> value: <c>TRACKED</c> unless the caller asked for another.</summary>
    public required string Type { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string Branch { get; init; }
    public required string CommitSha { get; init; }

    /// <summary><c>api::&lt;keyId&gt;</c> for API-key callers.</summary>
    public required string TriggeredBy { get; init; }
    public required string Token { get; init; }
    public string? RuntimeConfigYaml { get; init; }
    public string? ForceApply { get; init; }
}

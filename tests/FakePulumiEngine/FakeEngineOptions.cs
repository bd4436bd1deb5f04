namespace FakePulumiEngine;

/// <summary>How the fake engine behaves for one run.</summary>
public sealed record FakeEngineOptions
{
    public string Project { get; init; } = "infra";

    public string Stack { get; init; } = "dev";

    /// <summary>A preview: creates get no id (the real engine answers so).</summary>
    public bool DryRun { get; init; }

    /// <summary>URNs that count as already in the engine's state (they keep their id in a preview).</summary>
    public IReadOnlySet<string> ExistingUrns { get; init; } = new HashSet<string>();

    /// <summary>Registrations of this type answer FAIL, as when the provider's step failed.</summary>
    public string? FailType { get; init; }

    /// <summary>Time each registration takes, standing in for the provider's work.</summary>
    public TimeSpan RegistrationDelay { get; init; }
}

using Infra.Sdk;

namespace Infra.Cli.Engine.Apply;

/// <summary>What applying one planned change needs beyond what the plan shows.</summary>
/// <param name="Desired">The declared resource (its write-only value included, references resolved as the plan saw them); null for deletions.</param>
internal sealed record StepIntent(DesiredResource? Desired)
{
    /// <summary>Mint the secret's value now (<see cref="SecretValue.Minted"/>) and record its expiry.</summary>
    public bool Mint { get; init; }

    /// <summary>
    /// For an entity: the wave of its set it is written in (<see cref="Decisions.EntityRelations.Waves"/>);
    /// one wave's bulk writes end before the next one's begin.
    /// </summary>
    public int Wave { get; init; }

    /// <summary>For a kind that carries its group's shared secret: generate it this run, or keep the one there is.</summary>
    public SharedSecretIntent? SharedSecret { get; init; }
}

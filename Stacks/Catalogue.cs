namespace Infra.Stacks;

/// <summary>
/// The full catalogue (<c>infra:catalogue: full</c>): besides the guide's stacks, Spacelift's spaces and each
/// stack's latest <paramref name="RunsPerStack"/> tracked runs, related to one another, with numbers Port
/// computes on each stack. Null in <see cref="IntegrationInputs.Catalogue"/> means the guide's (stacks only).
/// </summary>
public sealed record Catalogue(int RunsPerStack)
{
    /// <summary>Tracked runs kept per stack when <c>infra:runsPerStack</c> is unset: two weeks of daily deploys.</summary>
    public const int DefaultRunsPerStack = 10;

    /// <summary>
    /// At most this many per stack: every run is an entity in Port and, past one page, another request to
    /// Spacelift per stack and run.
    /// </summary>
    public const int MaxRunsPerStack = 100;
}

using Infra.Sdk;

namespace Infra.Cli.Engine.Apply;

/// <summary>
/// What applying a plan needs beyond what it shows, and what only the engine may see: for each planned
/// address, the declared resource with its write-only value, and the state entries to forget (resources
/// that are gone from Port). Travels inside the <see cref="Contract.Plan"/> it belongs to; only the engine
/// that made it (<paramref name="Origin"/>) applies it, since it was made against that engine's
/// configuration, state and services.
/// </summary>
internal sealed record ApplyInstructions(
    IReadOnlyDictionary<ResourceAddress, StepIntent> Intents,
    IReadOnlyList<ResourceAddress> Forget,
    PlanOrigin Origin);

using Infra.Sdk;
using Infra.Cli.Engine.Contract;

namespace Infra.Cli.Engine.Apply;

/// <summary>
/// What applying a plan needs beyond what it shows, and what only the engine may see: for each
/// change, the desired resource with its secret value, and the state entries to forget (owned
/// resources that are gone from Port). Travels inside the <see cref="Plan"/> it belongs to.
/// <paramref name="Planner"/> is the engine that made the plan: only it applies it, since the plan was
/// made against its configuration, state and clients.
/// </summary>
internal sealed record ApplyInstructions(
    IReadOnlyDictionary<ResourceChange, StepIntent> Intents,
    IReadOnlyList<ResourceAddress> Forget,
    object Planner);

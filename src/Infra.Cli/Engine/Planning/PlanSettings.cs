using Infra.Cli.Decisions;
using Infra.Sdk;

namespace Infra.Cli.Engine.Planning;

/// <summary>The engine's fixed inputs for planning, taken from the stack configuration.</summary>
/// <param name="PruneThreshold">A fraction: 0.9 is 90%.</param>
/// <param name="FingerprintKey">The key of the secrets' fingerprints (the Port client secret).</param>
/// <param name="Authorship">Which undeclared entities the program may prune.</param>
internal sealed record PlanSettings(StackOwner Owner, double PruneThreshold, Secret FingerprintKey, Authorship Authorship);

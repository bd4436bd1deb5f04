using Infra.Model;

namespace Infra.Engine;

/// <summary>The engine's fixed inputs for planning, taken from the stack configuration.</summary>
internal sealed record PlanSettings(
    string Project,
    string Stack,
    double PruneThreshold,
    TimeSpan TokenRotationWindow,
    Secret FingerprintKey);

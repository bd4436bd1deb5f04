using Infra.Sdk;

namespace Infra.Cli.Engine.Planning;

/// <summary>The engine's fixed inputs for planning, taken from the stack configuration.</summary>
internal sealed record PlanSettings(
    string Project,
    string Stack,
    double PruneThreshold, // a fraction: 0.9 = 90%
    TimeSpan TokenRotationWindow,
    Secret FingerprintKey);

using System.Text.Json.Nodes;

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

    /// <summary>
    /// Resources (by type and name) whose provider step fails, as a Create or Update the provider refuses.
    /// Without <see cref="ContinueOnError"/> the engine then cancels the update and the registration ends
    /// with a gRPC error; with it, the answer is FAIL and the resources depending on it are answered SKIP.
    /// </summary>
    public Func<string, string, bool>? Fails { get; init; }

    /// <summary>
    /// <c>pulumi up --continue-on-error</c>: a failed step is answered FAIL, and every later registration whose
    /// parent, dependencies or property dependencies name a failed or skipped URN is answered SKIP
    /// (pulumi/pulumi <c>pkg/resource/deploy/step_executor.go</c> <c>cancelDueToError</c>,
    /// <c>deployment_executor.go</c> <c>doesStepDependOn</c>).
    /// </summary>
    public bool ContinueOnError { get; init; }

    /// <summary>Time each registration takes, standing in for the provider's work.</summary>
    public TimeSpan RegistrationDelay { get; init; }

    /// <summary>
    /// The engine's state, URN to the inputs it holds (protobuf JSON, as recorded), shared between runs:
    /// registrations of a URN found here get Pulumi's ignoreChanges rule against these inputs, and an
    /// update (not a preview) stores what passed Check. Null: no state kept.
    /// </summary>
    public Dictionary<string, JsonObject>? State { get; init; }

    /// <summary>
    /// The engine's answer to <c>SupportsFeature("parameterization")</c>. True: the engine since v3.133.0, which
    /// reports the flag, allocates package references and accepts <c>packageRef</c>. False: an older engine; its
    /// <c>RegisterPackage</c> then answers Unimplemented, as engines before v3.122.0 (which lack the RPC) do.
    /// </summary>
    public bool SupportsParameterization { get; init; } = true;

    /// <summary>
    /// What the provider computes beyond the inputs (a Port webhook's <c>url</c>), by type and inputs: added to the
    /// answer's outputs once the resource exists, that is not in a preview that creates it, where the engine
    /// answers computed outputs as unknown (left out here, as the SDK reads them).
    /// </summary>
    public Func<string, JsonObject, JsonObject?>? ComputedOutputs { get; init; }

    /// <summary>The provider's Check: problems for a custom resource's inputs; any problem fails the registration, as the engine does.</summary>
    public Func<string, JsonObject, IReadOnlyList<string>>? Check { get; init; }
}

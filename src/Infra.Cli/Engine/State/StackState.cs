using System.Text.Json.Serialization;
using Infra.Sdk;
using Infra.Cli.Engine.Contract;

namespace Infra.Cli.Engine.State;

/// <summary>
/// What Port cannot say, kept per stack: the resources this program manages (so removing one from the
/// declarations deletes it), operations that were under way when a run stopped, and the last run.
/// Entities are not listed: every entity of a managed blueprint is managed. Holds no secret.
/// </summary>
public sealed record StackState(
    IReadOnlyList<ManagedResource> Managed,
    IReadOnlyList<PendingOperation> Pending,
    LastOperation? LastRun)
{
    public static StackState Empty { get; } = new([], [], null);
}

/// <summary>
/// One resource this stack manages, with what it depended on and the group it stood in when it was last
/// written, so that once the program no longer declares it, it is still deleted in the right order and
/// held with its group. State files written before these were recorded read them as none.
/// </summary>
public sealed record ManagedResource(ResourceKind Kind, string Id)
{
    public IReadOnlyList<ResourceAddress> DependsOn { get; init; } = [];

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Group { get; init; }

    [JsonIgnore]
    public ResourceAddress Address => new(Kind, Id);

    public bool Equals(ManagedResource? other)
        => other is not null && Kind == other.Kind && Id == other.Id && Group == other.Group && DependsOn.SequenceEqual(other.DependsOn);

    public override int GetHashCode() => HashCode.Combine(Kind, Id, Group);
}

/// <summary>A step that had started and not finished when the state was last written.</summary>
public sealed record PendingOperation(ChangeKind Change, ResourceKind Kind, string Id, int Count, DateTimeOffset StartedAt);

/// <summary>The last applied operation; stored under <c>lastRun</c>, the key state files have always used.</summary>
public sealed record LastOperation(Operation Operation, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, int Succeeded, int Failed);

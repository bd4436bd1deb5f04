namespace Emulators.Spacelift.Runs;

/// <summary>
/// A run's resource changes: GraphQL <c>Run.delta {addCount, changeCount, deleteCount, resources}</c>
/// (spacectl <c>internal/cmd/stack/run_list.go</c>) and the webhook's <c>run.delta {added, changed,
/// deleted, resources}</c> (user-documentation <c>docs/integrations/webhooks.md</c>).
/// </summary>
public sealed record RunDelta(int Added, int Changed, int Deleted, int Resources)
{
    public static RunDelta None { get; } = new(0, 0, 0, 0);
}

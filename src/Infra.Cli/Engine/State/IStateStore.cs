namespace Infra.Cli.Engine.State;

/// <summary>Where a stack's <see cref="StackState"/> lives. Saving must be durable and atomic.</summary>
public interface IStateStore
{
    /// <summary>The saved state, or <see cref="StackState.Empty"/> when there is none (a fresh clone).</summary>
    Task<StackState> LoadAsync(CancellationToken cancellationToken);

    Task SaveAsync(StackState state, CancellationToken cancellationToken);
}

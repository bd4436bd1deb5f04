namespace Benchmarks.Emulation;

/// <summary>
/// The two emulators for one account size, wherever they run, and the edits the benchmark makes to the
/// Spacelift account between runs.
/// </summary>
public interface IEmulatorSession : IAsyncDisposable
{
    Uri PortUrl { get; }

    Uri SpaceliftUrl { get; }

    /// <summary>Where the emulators run, for the report.</summary>
    string Placement { get; }

    /// <summary>Changes one field of <paramref name="count"/> stacks spread over the account; returns how many changed.</summary>
    Task<int> ChangeStacksAsync(int count, CancellationToken cancellationToken);

    /// <summary>Removes <paramref name="count"/> stacks spread over the account; returns how many were removed.</summary>
    Task<int> RemoveStacksAsync(int count, CancellationToken cancellationToken);
}

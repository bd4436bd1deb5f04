namespace Emulators.Spacelift.Stacks;

/// <summary>
/// A stack as the emulator stores it: the facts that vary between stacks. Everything else the schema
/// exposes is derived from these in <c>Graph.StackView</c>. Times are Unix seconds, as on the wire.
/// </summary>
public sealed record EmulatedStack
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }

    /// <summary><c>root</c>, or <c>&lt;slug&gt;-&lt;ULID&gt;</c>.</summary>
    public string Space { get; init; } = "root";
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>A <see cref="StackStates"/> value; a tracked run overrides it while it is the latest.</summary>
    public string State { get; init; } = StackStates.None;
    public long? StateSetAt { get; init; }
    public required long CreatedAt { get; init; }
    public string Repository { get; init; } = "infrastructure";
    public string Namespace { get; init; } = "acme";
    public string Branch { get; init; } = "main";
    public string? ProjectRoot { get; init; }

    /// <summary>A <see cref="VcsProviders"/> value.</summary>
    public string Provider { get; init; } = VcsProviders.GitHub;
    public bool Administrative { get; init; }
    public bool Autodeploy { get; init; }
    public bool IsDisabled { get; init; }
    public string? LockedBy { get; init; }
    public long? LockedAt { get; init; }
    public string? LockNote { get; init; }
    public StackVendor Vendor { get; init; } = StackVendor.Terraform;
    public string? WorkerPoolId { get; init; }
    public string? TrackedCommitSha { get; init; }
}

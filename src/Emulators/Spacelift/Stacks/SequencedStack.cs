namespace Emulators.Spacelift.Stacks;

/// <summary>A stack with the creation sequence number its search cursor encodes.</summary>
public sealed record SequencedStack(long Sequence, EmulatedStack Stack);

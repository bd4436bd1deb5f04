namespace Emulators.Hosting;

/// <summary>What a request is, for faults and counters: its route group (null when none applies) and whether it only reads.</summary>
public sealed record RequestClass(string? Group, bool IsRead);

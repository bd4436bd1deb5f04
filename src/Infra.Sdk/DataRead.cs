namespace Infra.Sdk;

/// <summary>
/// What a program read from a service to declare a set of entities: where from (<c>Spacelift</c>), what
/// (<c>stacks</c>), how many came back, and why the read stopped short (null: it was read whole). An
/// executor never creates, updates or deletes an entity of a set whose read failed: an absent item would
/// be a guess.
/// </summary>
public sealed record DataRead(string Source, string Items, int Seen, string? Failure = null)
{
    public bool Failed => Failure is not null;
}

using Emulators.Spacelift.Spaces;

namespace Emulators.Spacelift.Graph;

/// <summary>
/// A space as the <c>Space</c> type shows it, under <c>spaces</c>, <c>space(id)</c> and a stack's
/// <c>spaceDetails</c>. Its <c>accessLevel</c> depends on the caller (<see cref="ClientDocumentResolvers"/>).
/// </summary>
internal sealed record SpaceView(string Id, string Name, string Description, string? ParentSpace, bool InheritEntities, IReadOnlyList<string> Labels)
{
    public static SpaceView Of(EmulatedSpace space)
        => new(space.Id, space.Name, space.Description, space.ParentSpace, space.InheritEntities, space.Labels);

    /// <summary>
    /// The space <paramref name="spaceId"/>; one that is not in the store (a stack a test placed in a space it
    /// never created) is described from its id as the emulator always did: its name is the slug before the ULID.
    /// </summary>
    public static SpaceView Of(string spaceId, SpaceStore spaces)
    {
        if (spaces.Find(spaceId) is { } space)
        {
            return Of(space);
        }

        var name = spaceId.Length > 27 ? spaceId[..^27] : spaceId;
        return new SpaceView(spaceId, name, $"Stacks of the {name} space", SpaceStore.Root, true, []);
    }
}

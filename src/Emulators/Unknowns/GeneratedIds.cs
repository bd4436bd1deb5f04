namespace Emulators.Unknowns;

/// <summary>
/// How Spacelift makes the id of a named webhook or a policy from its name. The provider says the name
/// "will also be used to generate the id", and its tests assert only that a policy id starts with the
/// slug of the name; Spacelift's space ids carry a ULID suffix (docs/unknowns.md).
/// </summary>
public enum GeneratedIds
{
    /// <summary>The id is the slug of the name; a second record whose slug is taken is refused (what the emulator did before the switch existed).</summary>
    Slug,

    /// <summary>The id is the slug, a dash and a ULID (as space ids are), so it cannot be known before create answers; names may repeat.</summary>
    SlugWithSuffix,
}

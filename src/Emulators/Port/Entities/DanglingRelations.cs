namespace Emulators.Port.Entities;

/// <summary>What an optional relation holds once the entity it points at is deleted (Port does not say).</summary>
public enum DanglingRelations
{
    /// <summary>The identifier is removed: a single relation becomes null, a many relation loses the item.</summary>
    Clear,

    /// <summary>The identifier stays, pointing at nothing.</summary>
    Keep,
}

namespace Emulators.Port.Runs;

/// <summary>
/// How an <c>UPSERT_ENTITY</c> invocation changes an entity that already exists. Port's docs say only that
/// it "will be updated" (port-docs docs/actions-and-automations/setup-backend/create-update-entity/
/// create-update-entity.md at 4893974). Their example that upserts a <c>_user</c> with nothing but a relation
/// (define-automations/examples.md, "Add to a relation without overwriting existing values") would wipe the
/// user's other fields under a replace, so merging is the default.
/// </summary>
public enum UpsertEntityUpdate
{
    /// <summary>The fields the mapping names change; every other field keeps its value (like <c>?upsert=true&amp;merge=true</c>).</summary>
    Merge,

    /// <summary>The entity becomes what the mapping gives (like <c>?upsert=true</c>): unnamed properties and relations are dropped.</summary>
    Replace,
}

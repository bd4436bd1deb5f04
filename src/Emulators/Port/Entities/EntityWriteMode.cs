namespace Emulators.Port.Entities;

/// <summary>How a write treats an existing entity: POST without upsert, replace (upsert / PUT) or merge (upsert+merge / PATCH).</summary>
internal enum EntityWriteMode
{
    Create,
    Replace,
    Merge,
}

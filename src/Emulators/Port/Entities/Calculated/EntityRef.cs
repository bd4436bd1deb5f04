namespace Emulators.Port.Entities.Calculated;

/// <summary>An entity by blueprint and identifier.</summary>
internal readonly record struct EntityRef(string Blueprint, string Identifier);

namespace Infra.Sdk;

/// <summary>A boolean Port sets to <paramref name="Value"/> when a body leaves <paramref name="Key"/> out.</summary>
public sealed record ServerDefault(string Key, bool Value);

namespace Infra.Sdk.Spacelift;

/// <summary>The items a read of Spacelift returned, and how the read went (<see cref="DataRead.Failed"/> when it stopped short).</summary>
public sealed record SpaceliftRead<T>(IReadOnlyList<T> Items, DataRead Read);

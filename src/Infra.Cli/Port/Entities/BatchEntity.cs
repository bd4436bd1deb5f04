namespace Infra.Cli.Port.Entities;

/// <summary>One entity of a bulk call: where it sits in the caller's list, its identifier, and its JSON (empty for deletes).</summary>
internal sealed record BatchEntity(int Position, string Identifier, byte[] Json);

using System.Text.Json.Nodes;

namespace Emulators.Port.Entities;

/// <summary>The outcome of one accepted entity write: the stored entity and what it replaced.</summary>
internal sealed record EntityWrite(string Blueprint, JsonObject Entity, JsonObject? Before)
{
    public bool Created => Before is null;

    public string Identifier => Entity["identifier"]!.GetValue<string>();
}

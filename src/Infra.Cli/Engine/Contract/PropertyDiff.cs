using System.Text.Json.Nodes;

namespace Infra.Cli.Engine.Contract;

public enum DiffKind
{
    Add,
    Update,
    Delete,
}

/// <summary>
/// One property-level difference. <see cref="Path"/> is a dotted JSON path inside the resource body
/// (<c>schema.properties.link.format</c>, <c>properties.state</c>). Values are already masked:
/// a secret value is the string <c>[secret]</c>, never the clear text.
/// </summary>
public sealed record PropertyDiff(string Path, DiffKind Kind, JsonNode? Old, JsonNode? New);

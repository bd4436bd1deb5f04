using System.Text.Json.Nodes;
using Infra.Cli.Http;

namespace Infra.Cli.Decisions;

/// <summary>
/// Which live entities this program wrote, for both executors: Port records who created and who last
/// updated an entity, and what people (or other integrations) add to a blueprint is theirs. An undeclared
/// entity the program created or last updated is pruned as its source no longer lists it; one created and
/// last updated by someone else is left alone, unless the blueprints are declared the program's alone.
/// What Port records for a write made with client credentials is not published (docs/unknowns.md): the
/// client id and Auth0's machine subject (<c>&lt;client id&gt;@clients</c>) both count as this program; if
/// Port records the credentials' owner instead, the entities read as someone else's and stay, with a
/// warning that names the recorded author, until <c>exclusiveBlueprints</c> is set.
/// </summary>
public sealed class Authorship
{
    private readonly HashSet<string> _program;
    private readonly bool _exclusive;
    private readonly string _exclusiveKey;

    /// <param name="clientId">The Port client id the program writes with.</param>
    /// <param name="exclusive">Whether the blueprints are the program's alone (every undeclared entity is prunable).</param>
    /// <param name="exclusiveKey">The setting that says so, as the user writes it (for the warning).</param>
    public Authorship(string clientId, bool exclusive, string exclusiveKey)
    {
        _program = new HashSet<string>(StringComparer.Ordinal) { clientId, clientId + "@clients" };
        _exclusive = exclusive;
        _exclusiveKey = exclusiveKey;
    }

    /// <summary>Whether the program wrote <paramref name="entity"/> (created it or was the last to update it).</summary>
    public bool ProgramWrote(JsonObject entity)
        => _program.Contains(JsonWire.String(entity["createdBy"]) ?? "") || _program.Contains(JsonWire.String(entity["updatedBy"]) ?? "");

    /// <summary>Undeclared live entities split into those the program may prune and those it leaves to whoever wrote them.</summary>
    public (List<JsonObject> Prunable, List<JsonObject> Others) Split(IEnumerable<JsonObject> undeclared)
    {
        var prunable = new List<JsonObject>();
        var others = new List<JsonObject>();
        foreach (var entity in undeclared)
        {
            (_exclusive || ProgramWrote(entity) ? prunable : others).Add(entity);
        }

        return (prunable, others);
    }

    /// <summary>The warning for undeclared entities left alone; null when there are none.</summary>
    public string? LeftAlone(IReadOnlyList<JsonObject> others, string blueprint)
    {
        if (others.Count == 0)
        {
            return null;
        }

        var authors = others.Select(e => JsonWire.String(e["updatedBy"]) ?? JsonWire.String(e["createdBy"]) ?? "unknown")
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var named = authors.Count <= 3 ? string.Join(", ", authors) : $"{string.Join(", ", authors.Take(3))} and {authors.Count - 3} more";
        var examples = string.Join(", ", others.Select(e => JsonWire.String(e["identifier"])).OfType<string>().Order(StringComparer.Ordinal).Take(3));
        var what = others.Count == 1 ? "entity" : "entities";
        return $"{others.Count:N0} undeclared {what} of '{blueprint}' written by someone else in Port ({named}), e.g. {examples}: "
            + $"left alone (set {_exclusiveKey}: true if the blueprint is this program's alone)";
    }
}

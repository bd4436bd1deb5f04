using System.Globalization;
using System.Text.Json.Nodes;
using Infra.Cli.Http;
using Infra.Sdk;

namespace Infra.Cli.Decisions;

/// <summary>
/// Which undeclared live entities of a set a run may delete when its program read only part of what the set
/// holds (<see cref="PruneScope"/>), the same for both executors: an entity whose group the read covered is
/// deleted only if it is no newer than what the read saw of that group; a newer one was written after the
/// read (a webhook's) and is kept; a group the read no longer has is gone with its entities. Without the
/// grouping relation or a readable date an entity is kept: a guess never deletes.
/// </summary>
public static class ScopedPrune
{
    /// <summary>Whether <paramref name="live"/> may be deleted though undeclared (always, without a scope).</summary>
    public static bool MayDelete(JsonObject live, PruneScope? scope)
    {
        if (scope is null)
        {
            return true;
        }

        if (JsonWire.String(live["relations"]?[scope.Relation]) is not { Length: > 0 } group)
        {
            return false;
        }

        if (!scope.Horizons.TryGetValue(group, out var horizon))
        {
            return true;
        }

        return JsonWire.String(live["properties"]?[scope.DateProperty]) is { } text
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            && at <= horizon;
    }
}

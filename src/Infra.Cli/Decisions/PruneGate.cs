using Infra.Sdk;

namespace Infra.Cli.Decisions;

/// <summary>
/// Never delete on doubt, for both executors: the reason to hold back the deletion of entities that a
/// read no longer names, or null when they may go. A read that returned nothing while Port holds
/// entities, or a share of deletions above the threshold, is a doubt an explicit flag may override; a
/// failed read is not judged here (<see cref="ReadHolds"/> holds its set whole, and nothing overrides it).
/// </summary>
public static class PruneGate
{
    /// <param name="toDelete">Live entities of the set that would be deleted.</param>
    /// <param name="liveCount">Live entities of the set.</param>
    /// <param name="threshold">The share one run may delete (<c>infra:pruneThresholdPercent</c> 90 is 0.9).</param>
    public static string? Doubt(int toDelete, int liveCount, DataRead source, double threshold, string blueprint)
    {
        if (toDelete == 0)
        {
            return null;
        }

        if (source.Seen == 0)
        {
            return $"{source.Source} returned 0 {source.Items} while Port holds {liveCount} entities of '{blueprint}'";
        }

        var share = (double)toDelete / liveCount;
        return share > threshold
            ? $"{toDelete} of {liveCount} entities of '{blueprint}' ({share:0.#%}) would be deleted, above the {threshold:0.#%} prune threshold"
            : null;
    }

    /// <summary>
    /// The share of a set's entities above which a deletion the gate lets through is still worth a look:
    /// a catalogue rarely loses a tenth of itself in one run unless a read sees less than it should (an API
    /// key scoped to one space, say), while the gate's own threshold is kept high, as Port's Ocean
    /// integrations keep theirs (<c>entityDeletionThreshold</c> 0.9), so that real clean-ups need no flag.
    /// </summary>
    public const double NotableShare = 0.1;

    /// <summary>A warning for a deletion the gate lets through that is still large; null when it is not.</summary>
    public static string? Notable(int toDelete, int liveCount, DataRead source, string blueprint)
    {
        if (toDelete == 0 || liveCount == 0 || (double)toDelete / liveCount <= NotableShare)
        {
            return null;
        }

        return $"{toDelete:N0} of {liveCount:N0} entities of '{blueprint}' ({(double)toDelete / liveCount:0.#%}) will be deleted because {source.Source} no longer lists them: "
            + $"check that {source.Source} is read whole (a credential that sees only part of it looks the same) before this is applied";
    }

    /// <summary>A blueprint no longer declared that still holds entities: deleting it deletes them all.</summary>
    public static string? OrphanDoubt(string blueprint, int entities)
        => entities == 0 ? null : $"blueprint '{blueprint}' is no longer declared but holds {entities} entities";
}

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

    /// <summary>A blueprint no longer declared that still holds entities: deleting it deletes them all.</summary>
    public static string? OrphanDoubt(string blueprint, int entities)
        => entities == 0 ? null : $"blueprint '{blueprint}' is no longer declared but holds {entities} entities";
}

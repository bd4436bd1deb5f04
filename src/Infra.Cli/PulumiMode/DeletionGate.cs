namespace Infra.Cli.PulumiMode;

/// <summary>
/// Never delete on doubt, Pulumi edition. Under Pulumi, an entity the program does not register is
/// deleted by the engine once the program exits successfully, so a doubtful Spacelift read must stop
/// the program before it registers any entity. The doubts are the standalone engine's: a failed or
/// partial read, zero stacks while Port holds entities, or more deletions than the prune threshold.
/// Only the last two can be overridden (<c>infra:allowMassDelete</c>): a failed read never can.
/// </summary>
public static class DeletionGate
{
    /// <summary>The reason to stop, or null when registering is safe.</summary>
    /// <param name="readFailure">Why reading Spacelift failed (masked), or null when every page was read.</param>
    /// <param name="stacksSeen">Stacks Spacelift returned.</param>
    /// <param name="liveEntities">Entities of the blueprint in Port now.</param>
    /// <param name="toDelete">Live entities that would not be registered (so Pulumi would delete those it manages).</param>
    public static string? Doubt(string? readFailure, int stacksSeen, int liveEntities, int toDelete, double pruneThreshold, bool allowMassDelete, string blueprint)
    {
        if (readFailure is not null)
        {
            return $"reading Spacelift failed after {stacksSeen} stacks ({readFailure}); no entity is registered, so Pulumi deletes nothing this run";
        }

        if (toDelete == 0 || allowMassDelete)
        {
            return null;
        }

        if (stacksSeen == 0)
        {
            return $"Spacelift returned 0 stacks while Port holds {liveEntities} entities of '{blueprint}'; nothing is registered, so Pulumi deletes nothing "
                + "(if the stacks are really gone, rerun with: pulumi up -c infra:allowMassDelete=true)";
        }

        // The threshold is a fraction (infra:pruneThresholdPercent 90 loads as 0.9), as in the standalone engine.
        var share = (double)toDelete / liveEntities;
        return share > pruneThreshold
            ? $"{toDelete} of {liveEntities} entities of '{blueprint}' ({share:0.#%}) would be deleted, above the {pruneThreshold:0.#%} prune threshold; "
                + "nothing is registered, so Pulumi deletes nothing (if the stacks are really gone, rerun with: pulumi up -c infra:allowMassDelete=true)"
            : null;
    }
}

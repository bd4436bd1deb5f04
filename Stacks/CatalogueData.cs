using Infra.Sdk;
using Infra.Sdk.Spacelift;

namespace Infra.Stacks;

/// <summary>
/// What the full catalogue reads beyond the stacks: every space, and the latest tracked runs of each stack
/// that can become an entity. When the stacks could not be read whole, runs are not read at all: a stack
/// missing from a partial read would look gone, and its runs would be pruned.
/// </summary>
public sealed record CatalogueData(SpaceliftRead<SpaceliftSpace> Spaces, SpaceliftRunHistory Runs)
{
    /// <summary>Nothing read (destroy, refresh, verify: the sets are declared without entities).</summary>
    public static CatalogueData None { get; } = new(
        new SpaceliftRead<SpaceliftSpace>([], new DataRead("Spacelift", "spaces", 0)),
        new SpaceliftRunHistory(new Dictionary<string, IReadOnlyList<SpaceliftRun>>(), new HashSet<string>(), new Dictionary<string, string>(), new DataRead("Spacelift", "runs", 0)));

    public static async Task<CatalogueData> ReadAsync(ISpaceliftAccount account, Catalogue catalogue, SpaceliftRead<SpaceliftStack> stacks, CancellationToken cancellationToken)
    {
        var spaces = await account.ReadSpacesAsync(cancellationToken).ConfigureAwait(false);
        if (stacks.Read.Failed)
        {
            var notRead = new DataRead("Spacelift", "runs", 0, $"not read: the stacks could not be read whole ({stacks.Read.Failure})");
            return new CatalogueData(spaces, None.Runs with { Read = notRead });
        }

        var ids = StackDataRules.Check(stacks.Items).Accepted.Select(s => s.Id).ToList();
        var runs = await account.ReadRunsAsync(ids, catalogue.RunsPerStack, cancellationToken).ConfigureAwait(false);
        return new CatalogueData(spaces, runs);
    }
}

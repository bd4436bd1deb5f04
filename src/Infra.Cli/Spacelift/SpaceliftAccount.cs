using Infra.Cli.Config;
using Infra.Sdk;
using Infra.Sdk.Spacelift;

namespace Infra.Cli.Spacelift;

/// <summary>
/// The Spacelift account a stack's configuration names, as its program sees it. Reading proves the API key
/// first: a refused key ends the run before anything is planned, let alone written, so a wrong key secret
/// is never copied into Port; any other failure while reading is returned with what was read until then.
/// </summary>
public sealed class SpaceliftAccount(ISpaceliftClient spacelift, SpaceliftSettings settings) : ISpaceliftAccount
{
    /// <summary>Run lists read at once (one request each): enough to keep a large account's read short, few enough to stay a polite client.</summary>
    public const int RunReadsInFlight = 8;

    public Uri Url => settings.Endpoint;

    public string ApiKeyId => settings.ApiKeyId;

    public Secret ApiKeySecret => settings.ApiKeySecret;

    public ISecretMinter TokenMinter { get; } = new JwtMinter(spacelift);

    public async Task<SpaceliftRead<SpaceliftStack>> ReadStacksAsync(CancellationToken cancellationToken)
    {
        await CredentialProof.ProveSpaceliftAsync(spacelift, settings, cancellationToken).ConfigureAwait(false);
        var stacks = new List<SpaceliftStack>();
        try
        {
            await foreach (var page in spacelift.ListStacksAsync(cancellationToken).ConfigureAwait(false))
            {
                stacks.AddRange(page);
            }

            return new SpaceliftRead<SpaceliftStack>(stacks, new DataRead("Spacelift", "stacks", stacks.Count));
        }
        catch (SpaceliftException e) when (e is not SpaceliftAuthenticationException)
        {
            // A key revoked mid-read is a refused credential like any other; a read cut short otherwise
            // only keeps the run's hands off what depends on it.
            return new SpaceliftRead<SpaceliftStack>(stacks, new DataRead("Spacelift", "stacks", stacks.Count, e.Message));
        }
    }

    public async Task<SpaceliftRead<SpaceliftSpace>> ReadSpacesAsync(CancellationToken cancellationToken)
    {
        await CredentialProof.ProveSpaceliftAsync(spacelift, settings, cancellationToken).ConfigureAwait(false);
        try
        {
            var spaces = await spacelift.ListSpacesAsync(cancellationToken).ConfigureAwait(false);
            return new SpaceliftRead<SpaceliftSpace>(spaces, new DataRead("Spacelift", "spaces", spaces.Count));
        }
        catch (SpaceliftException e) when (e is not SpaceliftAuthenticationException)
        {
            return new SpaceliftRead<SpaceliftSpace>([], new DataRead("Spacelift", "spaces", 0, e.Message));
        }
    }

    /// <summary>
    /// One stack at a time per slot, <see cref="RunReadsInFlight"/> slots: every stack costs at least one request,
    /// so the reads are bounded here and paced by the client (Spacelift's rate-limit answers are retried after
    /// the delay it asks for). A stack whose read fails is named and the others go on; once Spacelift cannot be
    /// reached, the stacks not read yet are named too rather than each waiting out its own retries.
    /// </summary>
    public async Task<SpaceliftRunHistory> ReadRunsAsync(IReadOnlyList<string> stackIds, int tracked, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tracked);
        await CredentialProof.ProveSpaceliftAsync(spacelift, settings, cancellationToken).ConfigureAwait(false);
        var byStack = new System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<SpaceliftRun>>(StringComparer.Ordinal);
        var gone = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var failures = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        string? unreachable = null;
        if (tracked > 0)
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = RunReadsInFlight, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(stackIds.Distinct(StringComparer.Ordinal), options, async (stackId, token) =>
            {
                if (Volatile.Read(ref unreachable) is { } reason)
                {
                    failures[stackId] = "not read: " + reason;
                    return;
                }

                try
                {
                    var runs = await spacelift.ListRunsAsync(stackId, read => read.Count(IsTracked) >= tracked, token).ConfigureAwait(false);
                    if (runs is null)
                    {
                        gone[stackId] = true;
                        return;
                    }

                    byStack[stackId] = [.. runs.Where(IsTracked).OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal).Take(tracked)];
                }
                catch (SpaceliftException e) when (e is not SpaceliftAuthenticationException)
                {
                    failures[stackId] = e.Message;
                    if (e is SpaceliftUnreachableException)
                    {
                        Interlocked.CompareExchange(ref unreachable, e.Message, null);
                    }
                }
            }).ConfigureAwait(false);
        }

        var seen = byStack.Values.Sum(r => r.Count);
        var read = failures.IsEmpty
            ? new DataRead("Spacelift", "runs", seen)
            : new DataRead("Spacelift", "runs", seen, RunFailure(failures));
        return new SpaceliftRunHistory(
            byStack.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            gone.Keys.ToHashSet(StringComparer.Ordinal),
            failures.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            read);
    }

    /// <summary>Runs of a stack's history the catalogue keeps: tracked runs (deployments), not tasks or proposed runs.</summary>
    private static bool IsTracked(SpaceliftRun run) => run.Type == "TRACKED";

    /// <summary>Names the stacks whose runs could not be read (the first few, with why).</summary>
    private static string RunFailure(IReadOnlyDictionary<string, string> failures)
    {
        const int Named = 5;
        var named = failures.OrderBy(f => f.Key, StringComparer.Ordinal).Take(Named).Select(f => $"'{f.Key}' ({f.Value})");
        var more = failures.Count > Named ? $" and {failures.Count - Named} more" : "";
        return $"the runs of {failures.Count} stack{(failures.Count == 1 ? "" : "s")} could not be read: {string.Join("; ", named)}{more}";
    }

    private sealed class JwtMinter(ISpaceliftClient spacelift) : ISecretMinter
    {
        public async Task<MintedSecret> MintAsync(CancellationToken cancellationToken)
        {
            var token = await spacelift.MintTokenAsync(cancellationToken).ConfigureAwait(false);
            return new MintedSecret(token.Jwt, token.ValidUntil);
        }
    }
}

using System.Text.Json.Nodes;
using Infra.Cli.Http;
using Infra.Sdk.Spacelift;

namespace Infra.Cli.Spacelift;

/// <summary>The catalogue's reads: spaces, and the runs of one stack.</summary>
public sealed partial class SpaceliftClient
{
    public async Task<IReadOnlyList<SpaceliftSpace>> ListSpacesAsync(CancellationToken cancellationToken)
        => await ReadAsync("spaces", SpaceliftQueries.Spaces, [], CatalogueReader.Spaces, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<SpaceliftRun>?> ListRunsAsync(string stackId, Func<IReadOnlyList<SpaceliftRun>, bool> enough, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(stackId);
        var runs = new List<SpaceliftRun>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? before = null;
        for (var page = 1; page <= SpaceliftQueries.MaxRunPages; page++)
        {
            var operation = $"runs of stack '{stackId}' page {page}";
            var variables = new JsonObject { ["before"] = before, ["stackId"] = stackId };
            var answer = await ReadAsync(operation, SpaceliftQueries.StackRuns, variables, (a, o) => CatalogueReader.Runs(a, o, stackId), cancellationToken).ConfigureAwait(false);
            if (answer.IsGone)
            {
                return page == 1 ? null : throw new SpaceliftException($"Spacelift {operation}: the stack was gone after {runs.Count} runs had been read");
            }

            if (answer.Runs.Count == 0)
            {
                break;
            }

            foreach (var run in answer.Runs)
            {
                // A page that repeats a run would page forever or count a run twice.
                if (!seen.Add(run.Id))
                {
                    throw new SpaceliftException($"Spacelift {operation}: run '{run.Id}' came back a second time; the listing cannot continue");
                }

                runs.Add(run);
            }

            if (enough(runs))
            {
                break;
            }

            before = answer.Runs[^1].Id;
        }

        return runs;
    }

    /// <summary>
    /// One query, read by <paramref name="read"/> (null: the token was not accepted), with one more token
    /// minted when Spacelift stops accepting the one held; a fresh token refused too means the key itself is.
    /// </summary>
    private async Task<T> ReadAsync<T>(string operation, string query, JsonObject variables, Func<GraphQlAnswer, string, T?> read, CancellationToken cancellationToken)
        where T : class
    {
        for (var attempt = 0; ; attempt++)
        {
            var token = await _tokens.GetAsync(cancellationToken).ConfigureAwait(false);
            // A copy per attempt: the request body takes the variables in.
            var answer = await _connection.ExecuteAsync(operation, query, (JsonObject)variables.DeepClone(), token.Jwt.Reveal(), RequestKind.Read, cancellationToken).ConfigureAwait(false);
            if (read(answer, operation) is { } result)
            {
                return result;
            }

            if (attempt > 0)
            {
                throw SpaceliftAuthenticationException.TokenRejected(operation, _settings.ApiKeyId);
            }

            Statistics.CountTokenRefresh();
            await _tokens.RenewAsync(token, cancellationToken).ConfigureAwait(false);
        }
    }
}

using System.Text.Json;
using Emulators.Hosting;
using Emulators.Spacelift.Stacks;

namespace Infra.Tests.Emulators.Spacelift.Catalogue;

/// <summary>A stack's runs as spacectl reads them: newest first, paged by <c>before</c>, tracked and proposed apart.</summary>
public sealed class RunHistoryTests(CatalogueFixture fixture) : IClassFixture<CatalogueFixture>
{
    private const string RunFields =
        "id,branch,canRetry,comments{body,createdAt,username},commit{authorLogin,authorName,hash},createdAt,delta{addCount,changeCount,deleteCount,resources},driftDetection,expired,isMostRecent,needsApproval,state,title,triggeredBy";

    // spacectl internal/cmd/stack/run_list.go (runsJSONQuery; its client writes Go strings as ID).
    private const string SpacectlRuns = "query($before:ID$stackId:ID!){stack(id: $stackId){runs(before: $before){" + RunFields + "}}}";
    private const string SpacectlProposedRuns = "query($before:ID$stackId:ID!){stack(id: $stackId){proposedRuns(before: $before){" + RunFields + "}}}";

    // The unmerged community integration's query (port-labs/ocean PR 1808, integrations/spacelift/spacelift/data_clients.py).
    private const string OceanRuns = """
        query GetStackRuns($stackId: ID!) {
            stack(id: $stackId) {
                id
                name
                runs { id type state branch createdAt updatedAt triggeredBy commit { hash message authorName } driftDetection }
            }
        }
        """;

    private GraphQLTestClient Client => fixture.Client;

    private EmulatedStack StackThatRan(int skip = 0) => fixture.Host.Spacelift.Stacks.All().Where(s => s.State != StackStates.None).Skip(skip).First();

    [Fact]
    public async Task TrackedRunsComeNewestFirstAndTheNewestCarriesTheStackState()
    {
        var stack = StackThatRan();

        var runs = await RunsAsync(SpacectlRuns, "runs", stack.Id, null);
        var stackState = (await Client.PostAsync("query($id:ID!){stack(id: $id){state stateSetAt trackedCommit{hash}}}", new { id = stack.Id }, fixture.Token))
            .AssertOk().Data.GetProperty("stack");

        Assert.Equal(10, runs.Length);
        Assert.All(runs.Zip(runs.Skip(1)), pair => Assert.True(pair.First.GetProperty("createdAt").GetInt64() > pair.Second.GetProperty("createdAt").GetInt64()));
        Assert.True(runs[0].GetProperty("isMostRecent").GetBoolean());
        Assert.Equal(stackState.GetProperty("state").GetString(), runs[0].GetProperty("state").GetString());
        Assert.Equal(stackState.GetProperty("trackedCommit").GetProperty("hash").GetString(), runs[0].GetProperty("commit").GetProperty("hash").GetString());
        Assert.All(runs, r => Assert.Equal(stack.Branch, r.GetProperty("branch").GetString()));
        Assert.All(runs, r => Assert.True(r.GetProperty("createdAt").GetInt64() < CatalogueFixture.Start.ToUnixTimeSeconds()));
    }

    [Fact]
    public async Task HistoryVariesAcrossStacksInTheFieldsACatalogueShows()
    {
        var runs = new List<JsonElement>();
        for (var i = 0; i < 12; i++)
        {
            runs.AddRange(await RunsAsync(SpacectlRuns, "runs", StackThatRan(i).Id, null));
        }

        Assert.Contains(runs, r => r.GetProperty("triggeredBy").ValueKind == JsonValueKind.Null);
        Assert.Contains(runs, r => r.GetProperty("triggeredBy").GetString() is { Length: > 0 });
        Assert.Contains(runs, r => r.GetProperty("state").GetString() == "FAILED");
        Assert.Contains(runs, r => r.GetProperty("driftDetection").GetBoolean());
        Assert.Contains(runs, r => r.GetProperty("delta").ValueKind == JsonValueKind.Object && r.GetProperty("delta").GetProperty("addCount").GetInt32() > 0);
        Assert.Contains(runs, r => r.GetProperty("delta").ValueKind == JsonValueKind.Null);
        Assert.All(runs, r => Assert.Matches("^[0-9a-f]{40}$", r.GetProperty("commit").GetProperty("hash").GetString()!));
        Assert.All(runs, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("commit").GetProperty("authorName").GetString())));
    }

    [Fact]
    public async Task ProposedRunsAreListedApartOnFeatureBranches()
    {
        var stack = StackThatRan(1);

        var proposed = await RunsAsync(SpacectlProposedRuns, "proposedRuns", stack.Id, null);
        var tracked = await RunsAsync(SpacectlRuns, "runs", stack.Id, null);

        Assert.Equal(3, proposed.Length);
        Assert.All(proposed, r => Assert.StartsWith("feature/", r.GetProperty("branch").GetString(), StringComparison.Ordinal));
        Assert.Empty(proposed.Select(r => r.GetProperty("id").GetString()).Intersect(tracked.Select(r => r.GetProperty("id").GetString())));
    }

    [Fact]
    public async Task AStackThatNeverRanHasNoRuns()
    {
        var stack = fixture.Host.Spacelift.Stacks.All().First(s => s.State == StackStates.None);

        Assert.Empty(await RunsAsync(SpacectlRuns, "runs", stack.Id, null));
        Assert.Empty(await RunsAsync(SpacectlProposedRuns, "proposedRuns", stack.Id, null));
    }

    [Fact]
    public async Task TheCommunityIntegrationsQueryRunsWithoutBefore()
    {
        var stack = StackThatRan(2);

        var data = (await Client.PostAsync(OceanRuns, new { stackId = stack.Id }, fixture.Token)).AssertOk().Data.GetProperty("stack");

        Assert.Equal(stack.Name, data.GetProperty("name").GetString());
        var runs = data.GetProperty("runs").EnumerateArray().ToArray();
        Assert.Equal(10, runs.Length);
        Assert.All(runs, r => Assert.Equal("TRACKED", r.GetProperty("type").GetString()));
        Assert.All(runs, r => Assert.True(r.GetProperty("updatedAt").GetInt64() >= r.GetProperty("createdAt").GetInt64()));
    }

    [Fact]
    public async Task PagesFollowTheLastRunIdUntilAnEmptyPage()
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = 5, RunsPerStack = 10, RunsPageSize = 4 });
        using var client = new GraphQLTestClient(host.SpaceliftGraphQLUrl);
        var token = await client.MintTokenAsync();
        var stack = host.Spacelift.Stacks.All().First(s => s.State != StackStates.None);

        var pages = new List<string[]>();
        string? before = null;
        for (var page = 0; page < 10; page++)
        {
            var ids = (await client.PostAsync(SpacectlRuns, new { stackId = stack.Id, before }, token)).AssertOk()
                .Data.GetProperty("stack").GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToArray();
            pages.Add(ids);
            if (ids.Length == 0)
            {
                break;
            }

            before = ids[^1];
        }

        Assert.Equal([4, 4, 2, 0], pages.Select(p => p.Length));
        var all = pages.SelectMany(p => p).ToArray();
        Assert.Equal(host.Spacelift.Runs.ForStack(stack.Id).Where(r => r.Type == "TRACKED").Select(r => r.Id), all);
    }

    [Fact]
    public async Task ALimitOnRunListsPerRequestRefusesRunsInsideAStackSearch()
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = 10, RunsPerStack = 2, MaxRunListsPerRequest = 3 });
        using var client = new GraphQLTestClient(host.SpaceliftGraphQLUrl);
        var token = await client.MintTokenAsync();
        const string Search = "query($input:SearchInput!){searchStacks(input: $input){edges{node{id runs{id state}}}}}";

        var few = await client.PostAsync(Search, new { input = new { first = 3 } }, token);
        var many = await client.PostAsync(Search, new { input = new { first = 10 } }, token);

        few.AssertOk();
        Assert.Contains(many.ErrorMessages, m => m.Contains("query too complex", StringComparison.Ordinal));
    }

    private async Task<JsonElement[]> RunsAsync(string query, string field, string stackId, string? before)
        => (await Client.PostAsync(query, new { stackId, before }, fixture.Token)).AssertOk()
            .Data.GetProperty("stack").GetProperty(field).EnumerateArray().ToArray();
}

using System.Text.Json;
using Emulators.Hosting;

namespace Infra.Tests.Emulators.Spacelift;

/// <summary>searchStacks paged to the end over a large account, through GraphQL.</summary>
public sealed class SearchPagingTests : IAsyncLifetime
{
    private const string Page = "query($input:SearchInput!){searchStacks(input: $input){edges{cursor node{id}},pageInfo{endCursor,hasNextPage,hasPreviousPage}}}";
    private EmulatorHost _host = null!;
    private GraphQLTestClient _client = null!;
    private string _token = "";

    public async Task InitializeAsync()
    {
        _host = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = 450 });
        _client = new GraphQLTestClient(_host.SpaceliftGraphQLUrl);
        _token = await _client.MintTokenAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Theory]
    [InlineData(50, 9)]
    [InlineData(100, 5)]
    public async Task PagingToTheEndReturnsEveryStackOnce(int first, int expectedPages)
    {
        var ids = new List<string>();
        string? after = null;
        var pages = 0;
        var hasNext = true;
        while (hasNext && pages < 20)
        {
            var search = await SearchAsync(new { first, after });
            var edges = search.GetProperty("edges").EnumerateArray().ToArray();
            Assert.True(edges.Length <= first);
            Assert.Equal(after is not null, search.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
            ids.AddRange(edges.Select(e => e.GetProperty("node").GetProperty("id").GetString()!));
            hasNext = search.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean();
            after = search.GetProperty("pageInfo").GetProperty("endCursor").GetString();
            pages++;
        }

        Assert.Equal(expectedPages, pages);
        Assert.Equal(450, ids.Count);
        Assert.Equal(450, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(_host.Spacelift.Stacks.All().Select(s => s.Id), ids);
    }

    [Fact]
    public async Task NullFirstGivesFiftyAndLargeFirstIsCappedAtOneHundred()
    {
        var byDefault = await SearchAsync(new { first = (int?)null });
        var capped = await SearchAsync(new { first = 1000 });

        Assert.Equal(50, byDefault.GetProperty("edges").GetArrayLength());
        Assert.Equal(100, capped.GetProperty("edges").GetArrayLength());
    }

    [Fact]
    public async Task CursorStaysValidWhenStacksBeforeAndAfterItChange()
    {
        var first = await SearchAsync(new { first = 10 });
        var cursor = first.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var all = _host.Spacelift.Stacks.All();

        _host.Spacelift.Stacks.Remove(all[9].Id);
        _host.Spacelift.Stacks.Remove(all[0].Id);
        var next = await SearchAsync(new { first = 1, after = cursor });

        Assert.Equal(all[10].Id, next.GetProperty("edges")[0].GetProperty("node").GetProperty("id").GetString());
    }

    [Fact]
    public async Task EdgeCursorResumesAfterThatEdge()
    {
        var page = await SearchAsync(new { first = 5 });
        var thirdCursor = page.GetProperty("edges")[2].GetProperty("cursor").GetString();

        var resumed = await SearchAsync(new { first = 1, after = thirdCursor });

        Assert.Equal(
            page.GetProperty("edges")[3].GetProperty("node").GetProperty("id").GetString(),
            resumed.GetProperty("edges")[0].GetProperty("node").GetProperty("id").GetString());
    }

    [Fact]
    public async Task OrderByIsAcceptedAndResultsStayInCreationOrder()
    {
        var ordered = await SearchAsync(new { first = 3, orderBy = new { field = "starred", direction = "DESC" } });

        Assert.Equal(
            _host.Spacelift.Stacks.All().Take(3).Select(s => s.Id),
            ordered.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()));
    }

    [Fact]
    public async Task GarbageCursorIsAnError()
    {
        var response = await _client.PostAsync(Page, new { input = new { first = 5, after = "not-a-cursor" } }, _token);

        Assert.Equal("invalid cursor", Assert.Single(response.ErrorMessages));
    }

    private async Task<JsonElement> SearchAsync(object input)
    {
        var response = await _client.PostAsync(Page, new { input }, _token);
        return response.AssertOk().Data.GetProperty("searchStacks");
    }
}

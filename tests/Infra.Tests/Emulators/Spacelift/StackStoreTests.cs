using System.Text.Json;
using Emulators.Hosting;
using Emulators.Spacelift.Stacks;

namespace Infra.Tests.Emulators.Spacelift;

/// <summary>Tests change the account at run time and clients see it at once.</summary>
public sealed class StackStoreTests : IAsyncLifetime
{
    private EmulatorHost _host = null!;
    private GraphQLTestClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = 3 });
        _client = new GraphQLTestClient(_host.SpaceliftGraphQLUrl);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task AddedChangedAndRemovedStacksShowInQueries()
    {
        var token = await _client.MintTokenAsync();
        var stores = _host.Spacelift.Stacks;
        var all = stores.All();

        var added = stores.Add(new EmulatedStack { Id = stores.NewId("New Stack"), Name = "New Stack", CreatedAt = 1_800_000_000 });
        stores.Update(all[0].Id, s => s with { Name = "Renamed", Labels = ["folder:renamed"] });
        stores.Remove(all[1].Id);
        var response = await _client.PostAsync("{stacks{id name labels}}", token: token);

        var stacks = response.AssertOk().Data.GetProperty("stacks").EnumerateArray().ToArray();
        Assert.Equal([all[0].Id, all[2].Id, "new-stack"], stacks.Select(s => s.GetProperty("id").GetString()));
        Assert.Equal("Renamed", stacks[0].GetProperty("name").GetString());
        Assert.Equal("New Stack", added.Name);
    }

    [Fact]
    public void IdsAreImmutableAndUnique()
    {
        var stores = _host.Spacelift.Stacks;
        var first = stores.All()[0];

        Assert.Throws<InvalidOperationException>(() => stores.Update(first.Id, s => s with { Id = "other" }));
        Assert.Throws<InvalidOperationException>(() => stores.Add(first with { Name = "Copy" }));
        Assert.Equal(first.Id + "-2", stores.NewId(first.Name));
    }

    [Fact]
    public async Task UnknownStackIdGivesNullWithoutError()
    {
        var token = await _client.MintTokenAsync();

        var response = await _client.PostAsync("{stack(id: \"missing\"){id}}", token: token);

        Assert.Equal(JsonValueKind.Null, response.AssertOk().Data.GetProperty("stack").ValueKind);
    }
}

using System.Text.Json;
using Emulators.Hosting;

namespace Infra.Tests.Emulators.Spacelift.Catalogue;

/// <summary>Spaces as Spacelift's own clients read them, verbatim: a tree under root, stacks spread over it.</summary>
public sealed class SpaceQueryTests(CatalogueFixture fixture) : IClassFixture<CatalogueFixture>
{
    // spacelift-api-bruno Spacelift/Spaces/List Spaces.bru and Get Space.bru.
    private const string BrunoListSpaces = "{\n  spaces {\n    id\n    name\n    description\n    parentSpace\n    inheritEntities\n    labels\n  }\n}\n";
    private const string BrunoGetSpace = "query GetSpace($id: ID!) {\n  space(id: $id) {\n    id\n    name\n    description\n    parentSpace\n    inheritEntities\n    labels\n  }\n}\n";

    // terraform-provider-spacelift spacelift/data_spaces.go (tag "spaces()", no variables) and data_space.go,
    // as its shurcooL-based client writes them (fields in the order of internal/structs/space.go).
    private const string TfprovSpaces = "{spaces(){id,description,name,inheritEntities,parentSpace,labels}}";
    private const string TfprovSpace = "query($id:ID!){space(id: $id){id,description,name,inheritEntities,parentSpace,labels}}";

    // spacectl internal/cmd/space/mcp.go (list_spaces, get_space).
    private const string SpacectlSpaces = "{spaces{id,name,description,parentSpace,inheritEntities,accessLevel,labels}}";
    private const string SpacectlSpace = "query($spaceId:ID!){space(id: $spaceId){id,name,description,parentSpace,inheritEntities,accessLevel,labels}}";

    private GraphQLTestClient Client => fixture.Client;

    [Fact]
    public async Task ListSpacesGivesRootLegacyAndATreeWhoseParentsAllExist()
    {
        var spaces = (await Client.PostAsync(BrunoListSpaces, token: fixture.Token)).AssertOk().Data.GetProperty("spaces").EnumerateArray().ToArray();

        Assert.Equal(52, spaces.Length);
        var byId = spaces.ToDictionary(s => s.GetProperty("id").GetString()!);
        Assert.Equal(JsonValueKind.Null, byId["root"].GetProperty("parentSpace").ValueKind);
        Assert.Equal("root", byId["legacy"].GetProperty("parentSpace").GetString());
        Assert.All(spaces.Where(s => s.GetProperty("id").GetString() != "root"), s => Assert.True(byId.ContainsKey(s.GetProperty("parentSpace").GetString()!)));
        Assert.All(spaces, s => Assert.Equal(JsonValueKind.Array, s.GetProperty("labels").ValueKind));
        Assert.Contains(spaces, s => !s.GetProperty("inheritEntities").GetBoolean() && s.GetProperty("id").GetString() is not ("root" or "legacy"));
        Assert.True(spaces.Max(s => Depth(s, byId)) >= 3, "the generated tree nests below root's children");
    }

    [Fact]
    public async Task EveryGeneratedSpaceHoldsStacksAndEachStackNamesItsSpaceDetails()
    {
        var spaces = (await Client.PostAsync(SpacectlSpaces, token: fixture.Token)).AssertOk().Data.GetProperty("spaces").EnumerateArray()
            .ToDictionary(s => s.GetProperty("id").GetString()!);
        var stacks = (await Client.PostAsync("{stacks{id space spaceDetails{id name parentSpace inheritEntities labels}}}", token: fixture.Token))
            .AssertOk().Data.GetProperty("stacks").EnumerateArray().ToArray();

        Assert.Equal(200, stacks.Length);
        Assert.All(stacks, stack =>
        {
            var space = spaces[stack.GetProperty("space").GetString()!];
            var details = stack.GetProperty("spaceDetails");
            Assert.Equal(space.GetProperty("id").GetString(), details.GetProperty("id").GetString());
            Assert.Equal(space.GetProperty("parentSpace").ToString(), details.GetProperty("parentSpace").ToString());
        });
        var used = stacks.Select(s => s.GetProperty("space").GetString()).ToHashSet();
        Assert.All(spaces.Keys.Where(id => id != "legacy"), id => Assert.Contains(id, used));
        Assert.All(spaces.Values, s => Assert.Equal("ADMIN", s.GetProperty("accessLevel").GetString()));
    }

    [Fact]
    public async Task TerraformProviderDocumentsRunUnchanged()
    {
        var all = (await Client.PostAsync(TfprovSpaces, token: fixture.Token)).AssertOk().Data.GetProperty("spaces");
        var nested = all.EnumerateArray().First(s => s.GetProperty("parentSpace").GetString() is { } p && p != "root");

        var one = (await Client.PostAsync(TfprovSpace, new { id = nested.GetProperty("id").GetString() }, fixture.Token)).AssertOk().Data.GetProperty("space");
        var missing = (await Client.PostAsync(TfprovSpace, new { id = "no-such-space" }, fixture.Token)).AssertOk().Data.GetProperty("space");

        Assert.Equal(nested.ToString(), one.ToString());
        Assert.Equal(JsonValueKind.Null, missing.ValueKind);
    }

    [Fact]
    public async Task SpacectlAndBrunoGetSpaceAgree()
    {
        var id = fixture.Host.Spacelift.Spaces.All()[10].Id;

        var spacectl = (await Client.PostAsync(SpacectlSpace, new { spaceId = id }, fixture.Token)).AssertOk().Data.GetProperty("space");
        var bruno = (await Client.PostAsync(BrunoGetSpace, new { id }, fixture.Token)).AssertOk().Data.GetProperty("space");

        Assert.Equal(bruno.GetProperty("parentSpace").GetString(), spacectl.GetProperty("parentSpace").GetString());
        Assert.Equal(bruno.GetProperty("name").GetString(), spacectl.GetProperty("name").GetString());
        Assert.Equal("ADMIN", spacectl.GetProperty("accessLevel").GetString());
    }

    [Fact]
    public async Task WithoutAValidTokenThereAreNoSpaces()
    {
        var list = (await Client.PostAsync(BrunoListSpaces)).AssertOk().Data.GetProperty("spaces");
        var one = (await Client.PostAsync(BrunoGetSpace, new { id = "root" })).AssertOk().Data.GetProperty("space");

        Assert.Equal(0, list.GetArrayLength());
        Assert.Equal(JsonValueKind.Null, one.ValueKind);
    }

    [Fact]
    public async Task ChildrenFirstOrderServesEveryChildBeforeItsParent()
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = 3, Spaces = 20, SpacesChildrenFirst = true });
        using var client = new GraphQLTestClient(host.SpaceliftGraphQLUrl);

        var ids = (await client.PostAsync(BrunoListSpaces, token: await client.MintTokenAsync())).AssertOk().Data.GetProperty("spaces")
            .EnumerateArray().Select(s => (Id: s.GetProperty("id").GetString()!, Parent: s.GetProperty("parentSpace").GetString())).ToList();

        Assert.Equal(22, ids.Count);
        Assert.All(ids.Where(s => s.Parent is not null), s => Assert.True(ids.FindIndex(p => p.Id == s.Parent) > ids.FindIndex(p => p.Id == s.Id)));
    }

    private static int Depth(JsonElement space, Dictionary<string, JsonElement> byId)
    {
        var depth = 0;
        for (var parent = space.GetProperty("parentSpace").GetString(); parent is not null && depth < byId.Count; parent = byId[parent].GetProperty("parentSpace").GetString())
        {
            depth++;
        }

        return depth;
    }
}

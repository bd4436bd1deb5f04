using System.Text.Json.Nodes;
using Emulators.Hosting;
using Infra.Cli.Config;
using Infra.Cli.Http;
using Infra.Cli.Spacelift;
using Infra.Sdk;
using Infra.Tests.Port.Support;

namespace Infra.Tests.Spacelift;

/// <summary>The catalogue's reads of Spacelift: the real client and account against the emulator, and against answers that cannot be trusted.</summary>
public sealed class SpaceliftCatalogueReadTests
{
    [Fact]
    public async Task EverySpaceIsReadWithItsParentInWhateverOrderSpaceliftGivesThem()
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = 3, Spaces = 12, SpacesChildrenFirst = true });

        var read = await Account(host).ReadSpacesAsync(CancellationToken.None);

        Assert.False(read.Read.Failed);
        var expected = host.Spacelift.Spaces.All();
        Assert.Equal(expected.Select(s => (s.Id, s.ParentSpace, s.InheritEntities)).OrderBy(s => s.Id, StringComparer.Ordinal),
            read.Items.Select(s => (s.Id, s.ParentSpace, s.InheritEntities)).OrderBy(s => s.Id, StringComparer.Ordinal));
        Assert.Null(read.Items.Single(s => s.Id == "root").ParentSpace);
    }

    [Fact]
    public async Task EachStacksLatestTrackedRunsArePagedNewestFirstAndAGoneStackIsToldApart()
    {
        // Pages of 2, proposed runs beside tracked ones: five tracked runs take three pages.
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = 4, RunsPerStack = 8, ProposedRunsPerStack = 2, RunsPageSize = 2 });
        var spacelift = host.Spacelift;
        var stack = spacelift.Stacks.All().First(s => spacelift.Runs.ForStack(s.Id).Count(r => r.Type == "TRACKED") >= 8).Id;
        var gone = spacelift.Stacks.All().Last().Id;
        spacelift.Stacks.Remove(gone);

        var history = await Account(host).ReadRunsAsync([stack, gone], 5, CancellationToken.None);

        Assert.False(history.Read.Failed);
        Assert.Equal([gone], history.Gone);
        var expected = spacelift.Runs.ForStack(stack).Where(r => r.Type == "TRACKED").OrderByDescending(r => r.CreatedAt).Take(5).Select(r => r.Id);
        Assert.Equal(expected, history.ByStack[stack].Select(r => r.Id));
        Assert.All(history.ByStack[stack], r => Assert.Equal(stack, r.StackId));
        Assert.Equal(5, history.Read.Seen);
    }

    [Fact]
    public async Task ARunListWithGraphQlErrorsFailsThatStackOnlyAndIsNamed()
    {
        var spacelift = new TestSpacelift(request => request.Body!.Contains("\"stackId\":\"broken\"", StringComparison.Ordinal)
            ? Answers.Ok("""{"errors":[{"message":"internal server error"}],"data":null}""")
            : request.Body.Contains("\"before\":null", StringComparison.Ordinal)
                ? Answers.Ok(Runs("""[{"id":"r1","type":"TRACKED","state":"FINISHED","branch":"main","createdAt":1796000000,"updatedAt":1796000100}]"""))
                : Answers.Ok(Runs("[]")));
        var account = new SpaceliftAccount(spacelift.Client, new SpaceliftSettings(TestSpacelift.Endpoint, TestSpacelift.KeyId, new Secret(TestSpacelift.KeySecret)));

        var history = await account.ReadRunsAsync(["fine", "broken"], 10, CancellationToken.None);

        Assert.Equal("the runs of 1 stack could not be read: 'broken' (Spacelift runs of stack 'broken' page 1: internal server error)", history.Read.Failure);
        Assert.Equal(["r1"], history.ByStack["fine"].Select(r => r.Id));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1796000000), history.ByStack["fine"][0].CreatedAt);
    }

    [Theory]
    [InlineData("""{"data":{"stack":{"runs":[]}}}""", "token")]
    [InlineData("""{"data":{"viewer":{"id":"k"}}}""", "no stack")]
    [InlineData("""{"data":{"stack":{"runs":[{"id":"r1","type":"TRACKED"}]},"viewer":{"id":"k"}}}""", "no createdAt")]
    public async Task AnAnswerThatCannotBeTrustedIsNeverAnEmptyHistory(string answer, string why)
    {
        var spacelift = new TestSpacelift(_ => Answers.Ok(answer));

        var failure = await Record.ExceptionAsync(() => spacelift.Client.ListRunsAsync("s", _ => false, CancellationToken.None));

        Assert.True(failure is SpaceliftException, why);
    }

    [Fact]
    public async Task ARunSeenTwiceEndsTheListingInsteadOfPagingForever()
    {
        var spacelift = new TestSpacelift(_ => Answers.Ok(Runs("""[{"id":"r1","type":"TRACKED","state":"FINISHED","branch":"main","createdAt":1796000000}]""")));

        var failure = await Assert.ThrowsAsync<SpaceliftException>(() => spacelift.Client.ListRunsAsync("s", _ => false, CancellationToken.None));

        Assert.Contains("came back a second time", failure.Message, StringComparison.Ordinal);
        Assert.Equal(2, spacelift.Queries.Count);
    }

    [Fact]
    public async Task SpacesOfALoggedOutTokenAreNotAnEmptyAccount()
    {
        var spacelift = new TestSpacelift(_ => Answers.Ok("""{"data":{"spaces":[],"viewer":null}}"""));

        await Assert.ThrowsAsync<SpaceliftAuthenticationException>(() => spacelift.Client.ListSpacesAsync(CancellationToken.None));

        Assert.Equal(2, spacelift.Mints.Count);
    }

    private static SpaceliftAccount Account(EmulatorHost host)
    {
        var settings = new SpaceliftSettings(host.SpaceliftUrl, host.Options.SpaceliftKeyId, new Secret(host.Options.SpaceliftKeySecret));
        return new SpaceliftAccount(SpaceliftClient.Create(settings, new ClientOptions()), settings);
    }

    private static string Runs(string runs) => new JsonObject
    {
        ["data"] = new JsonObject { ["stack"] = new JsonObject { ["runs"] = JsonNode.Parse(runs) }, ["viewer"] = new JsonObject { ["id"] = "k" } },
    }.ToJsonString();
}

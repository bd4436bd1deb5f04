using System.Text.Json.Nodes;
using Infra.Cli.Diagnostics;
using Infra.Sdk;
using Infra.Tests.Emulators.Port;
using Infra.Tests.Support;
using Infra.Stacks;

namespace Infra.Tests.Integration;

/// <summary>
/// Two stacks, two Spacelift accounts, one Port organisation, over real HTTP: a stack never writes
/// what another owns, and with their own names both live side by side.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SharedOrganisationTests
{
    private static readonly StackOwner OwnerA = new("infra", Sandbox.StackName);
    private static readonly StackOwner OwnerB = new("infra", SharedOrganisation.StackB);

    [Fact]
    public async Task B_against_As_names_is_refused_before_any_write_and_A_stays_clean()
    {
        await using var org = await SharedOrganisation.StartAsync();
        Expect.Exit(ExitCodes.Success, await org.CliA("up", "--yes"));
        var before = await org.PortDumpAsync();

        var preview = await org.CliB("preview");
        var up = await org.CliB("up", "--yes");

        foreach (var run in new[] { preview, up })
        {
            Expect.Exit(ExitCodes.OwnershipConflict, run);
            Expect.OneLineError(run);
            Assert.StartsWith("error: port:index/blueprint:Blueprint space_lift_stack belongs to stack infra/ci, not infra/b (and 12 more owned by other stacks); nothing was written.", run.ErrorLines[0], StringComparison.Ordinal);
            Assert.Contains("infra:nameSuffix", run.ErrorLines[0], StringComparison.Ordinal);
            Assert.Contains("--take-over", run.ErrorLines[0], StringComparison.Ordinal);
        }

        Assert.Equal(before, await org.PortDumpAsync());
        Expect.Exit(ExitCodes.Success, await org.CliA("preview", "--expect-no-changes"));
    }

    [Fact]
    public async Task B_with_its_own_names_lives_beside_A_and_each_set_of_actions_reaches_its_own_account()
    {
        await using var org = await SharedOrganisation.StartAsync();
        Expect.Exit(ExitCodes.Success, await org.CliA("up", "--yes"));
        org.GiveBItsOwnNames();

        Expect.Exit(ExitCodes.Success, await org.CliB("up", "--yes"));

        Expect.Exit(ExitCodes.Success, await org.CliA("preview", "--expect-no-changes"));
        Expect.Exit(ExitCodes.Success, await org.CliB("preview", "--expect-no-changes"));
        var port = org.A.Emulators.Port;
        Assert.Equal(org.A.StackIds().Count, port.EntityCount("space_lift_stack"));
        Assert.Equal(org.AccountB.Spacelift.Stacks.All().Count, port.EntityCount("space_lift_stack_b"));
        Assert.Equal(OwnerB, OwnerMark.Read(port.Action("trigger_spacelift_stack_b")!["description"]!.GetValue<string>()));
        Assert.Equal(OwnerA, OwnerMark.Read(port.Action("trigger_spacelift_stack")!["description"]!.GetValue<string>()));
        Assert.NotEqual(port.Action("trigger_spacelift_stack")!["title"]!.GetValue<string>(), port.Action("trigger_spacelift_stack_b")!["title"]!.GetValue<string>());

        using var api = org.A.PortApi();
        var a = org.A.Emulators.Spacelift;
        var b = org.AccountB.Spacelift;
        await RefreshAndTriggerAsync(org, api, ResourceNames.Guide, a.Stacks.All()[0].Id);
        await RefreshAndTriggerAsync(org, api, new ResourceNames("b"), b.Stacks.All()[1].Id);

        // Each trigger reached its own account, with the token its own refresh action minted there.
        var runA = Assert.Single(a.Runs.All());
        var runB = Assert.Single(b.Runs.All());
        Assert.Equal(a.Stacks.All()[0].Id, runA.StackId);
        Assert.Equal(b.Stacks.All()[1].Id, runB.StackId);
        Assert.Equal(port.SecretValue("SPACELIFT_TOKEN"), runA.Token);
        Assert.Equal(port.SecretValue("SPACELIFT_TOKEN_B"), runB.Token);
        Assert.NotNull(a.Tokens.Authenticate("Bearer " + runA.Token));
        Assert.NotNull(b.Tokens.Authenticate("Bearer " + runB.Token));
        Assert.Null(a.Tokens.Authenticate("Bearer " + runB.Token));
        Assert.All(port.Runs(), run => Assert.Equal("SUCCESS", run["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Destroy_of_B_leaves_A_untouched()
    {
        await using var org = await SharedOrganisation.StartAsync();
        Expect.Exit(ExitCodes.Success, await org.CliA("up", "--yes"));
        var onlyA = await org.PortDumpAsync();
        org.GiveBItsOwnNames();
        Expect.Exit(ExitCodes.Success, await org.CliB("up", "--yes"));

        Expect.Exit(ExitCodes.Success, await org.CliB("destroy", "--yes"));

        Assert.Equal(onlyA, await org.PortDumpAsync());
        Expect.Exit(ExitCodes.Success, await org.CliA("preview", "--expect-no-changes"));
    }

    [Fact]
    public async Task Destroy_with_As_names_deletes_nothing_of_As()
    {
        await using var org = await SharedOrganisation.StartAsync();
        Expect.Exit(ExitCodes.Success, await org.CliA("up", "--yes"));
        var before = await org.PortDumpAsync();

        var destroy = await org.CliB("destroy", "--yes");

        Expect.Exit(ExitCodes.Success, destroy);
        Assert.Contains("belongs to stack infra/ci: left in Port", destroy.All, StringComparison.Ordinal);
        Assert.Equal(before, await org.PortDumpAsync());
    }

    [Fact]
    public async Task Take_over_moves_the_resources_and_the_preview_says_so()
    {
        await using var org = await SharedOrganisation.StartAsync();
        Expect.Exit(ExitCodes.Success, await org.CliA("up", "--yes"));

        var preview = await org.CliB("preview", "--take-over");
        var up = await org.CliB("up", "--yes", "--take-over");

        Expect.Exit(ExitCodes.Success, preview);
        Assert.Contains("owned by stack infra/ci: taken over by infra/b (--take-over)", preview.Output, StringComparison.Ordinal);
        Expect.Exit(ExitCodes.Success, up);
        var port = org.A.Emulators.Port;
        Assert.Equal(OwnerB, OwnerMark.Read(port.Blueprint("space_lift_stack")!["description"]!.GetValue<string>()));
        Assert.Equal(OwnerB, OwnerMark.Read(port.SecretMetadata("SPACELIFT_TOKEN")!["description"]!.GetValue<string>()));
        Assert.Equal(OwnerB, OwnerMark.Read(port.Action("spacelift_token_refresh_sync")!["description"]!.GetValue<string>()));
        // The token was re-minted from B's account, and A is now the one refused.
        Assert.NotNull(org.AccountB.Spacelift.Tokens.Authenticate("Bearer " + port.SecretValue("SPACELIFT_TOKEN")));
        Expect.Exit(ExitCodes.Success, await org.CliB("preview", "--expect-no-changes"));
        var refused = await org.CliA("preview");
        Expect.Exit(ExitCodes.OwnershipConflict, refused);
        Assert.Contains("belongs to stack infra/b, not infra/ci", refused.ErrorLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_guide_built_organisation_is_adopted_and_marked()
    {
        await using var org = await SharedOrganisation.StartAsync();
        var graphql = org.A.Emulators.SpaceliftGraphQLUrl.AbsoluteUri;
        using var api = org.A.PortApi();
        await api.SendAsync(HttpMethod.Post, "v1/blueprints", GuideResources.Blueprint());
        await api.SendAsync(HttpMethod.Post, "v1/actions", GuideResources.TriggerAction(graphql));
        await api.SendAsync(HttpMethod.Post, "v1/actions", GuideResources.RefreshAction(graphql));
        await api.SendAsync(HttpMethod.Post, "v1/actions", GuideResources.Automation());
        await api.SendAsync(HttpMethod.Post, "v1/organization/secrets", GuideResources.Secret("SPACELIFT_API_KEY_ID", org.A.Emulators.Options.SpaceliftKeyId));
        await api.SendAsync(HttpMethod.Post, "v1/organization/secrets", GuideResources.Secret("SPACELIFT_API_KEY_SECRET", org.A.Emulators.Options.SpaceliftKeySecret));
        await api.SendAsync(HttpMethod.Post, "v1/organization/secrets", GuideResources.Secret("SPACELIFT_TOKEN", "hand-minted"));

        var preview = await org.CliA("preview");
        Expect.Exit(ExitCodes.Success, preview);
        Assert.Contains("no owner mark in Port: adopted by infra/ci and marked", preview.Output, StringComparison.Ordinal);
        Expect.Exit(ExitCodes.Success, await org.CliA("up", "--yes"));

        var port = org.A.Emulators.Port;
        string?[] descriptions =
        [
            port.Blueprint("space_lift_stack")!["description"]?.GetValue<string>(),
            .. new[] { "trigger_spacelift_stack", "refresh_spacelift_token", "spacelift_token_refresh_sync" }.Select(a => port.Action(a)!["description"]?.GetValue<string>()),
            .. new[] { "SPACELIFT_API_KEY_ID", "SPACELIFT_API_KEY_SECRET", "SPACELIFT_TOKEN" }.Select(s => port.SecretMetadata(s)!["description"]?.GetValue<string>()),
        ];
        Assert.All(descriptions, d => Assert.Equal(OwnerA, OwnerMark.Read(d)));
        Expect.Exit(ExitCodes.Success, await org.CliA("preview", "--expect-no-changes"));
    }

    [Fact]
    public async Task The_token_the_automation_refreshed_keeps_this_stacks_mark_and_its_expiry_so_nothing_is_re_minted()
    {
        await using var org = await SharedOrganisation.StartAsync();
        Expect.Exit(ExitCodes.Success, await org.CliA("up", "--yes"));
        var port = org.A.Emulators.Port;
        var minted = port.SecretMetadata("SPACELIFT_TOKEN")!["updatedAt"]!.GetValue<string>();
        using var api = org.A.PortApi();
        await api.SendAsync(HttpMethod.Post, $"v1/actions/{ResourceNames.Guide.RefreshAction}/runs", new JsonObject { ["properties"] = new JsonObject() });
        await org.A.Emulators.Port.WhenIdleAsync();

        // The automation wrote the description up writes: the owner mark and the new token's validUntil (jq todate).
        var refreshed = port.SecretMetadata("SPACELIFT_TOKEN")!;
        Assert.NotEqual(minted, refreshed["updatedAt"]!.GetValue<string>());
        Assert.Matches(@"^Managed by infra · owner:infra/ci · validUntil:\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", refreshed["description"]!.GetValue<string>());
        // Another stack with the same names is still refused; A's next run has nothing to do.
        Expect.Exit(ExitCodes.OwnershipConflict, await org.CliB("preview"));

        Assert.Equal(OwnerA, OwnerMark.Read(port.SecretMetadata("SPACELIFT_TOKEN")!["description"]!.GetValue<string>()));
        Expect.Exit(ExitCodes.Success, await org.CliA("preview", "--expect-no-changes"));
    }

    private static async Task RefreshAndTriggerAsync(SharedOrganisation org, PortApi api, ResourceNames names, string stackId)
    {
        await api.SendAsync(HttpMethod.Post, $"v1/actions/{names.RefreshAction}/runs", new JsonObject { ["properties"] = new JsonObject() });
        await org.A.Emulators.Port.WhenIdleAsync();
        await api.SendAsync(HttpMethod.Post, $"v1/actions/{names.TriggerAction}/runs", new JsonObject { ["properties"] = new JsonObject { ["stack"] = stackId } });
        await org.A.Emulators.Port.WhenIdleAsync();
    }
}

using System.Text.Json.Nodes;
using Emulators.Hosting;
using FakePulumiEngine;
using Infra.Sdk;
using Infra.Tests.Emulators.Port;
using Infra.Tests.Support;

namespace Infra.Tests.PulumiMode;

/// <summary>
/// Several stacks, one Port organisation, under Pulumi: the owner marks and name suffixes of the
/// standalone engine hold the same way, and a conflict is refused before any Port resource is registered.
/// </summary>
[Collection(ChildProcessCollection.Name)]
public sealed class PulumiOwnershipTests
{
    private static readonly StackOwner Other = new("infra", "other");

    [Fact]
    public async Task ResourcesAnotherStackOwnsAreRefusedBeforeAnyPortResourceIsRegistered()
    {
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = 2 });
        await SeedBlueprintOwnedByAsync(world, Other);

        var (run, calls) = await world.RunAsync();

        Assert.Equal(32, run.ExitCode);
        Assert.Empty(calls.Custom());
        Assert.Equal([Recorded.Stack], calls.Registrations().Select(c => Recorded.Text(c.Request, "type")));
        var message = Recorded.Text(Assert.Single(calls.Errors()).Request, "message")!;
        Assert.Contains("space_lift_stack belongs to stack infra/other, not infra/dev", message, StringComparison.Ordinal);
        Assert.Contains("infra:nameSuffix", message, StringComparison.Ordinal);
        Assert.Contains("infra:takeOver", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
        Assert.DoesNotContain("SignalAndWaitForShutdown", calls.Select(c => c.Method));
    }

    [Fact]
    public async Task TakeOverFromTheEnvironmentLetsTheStackRegisterAndMarkTheResourcesAsItsOwn()
    {
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = 2 });
        await SeedBlueprintOwnedByAsync(world, Other);
        world.ExtraEnvironment["INFRA_TAKE_OVER"] = "true";

        var (run, calls) = await world.RunAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Empty(calls.Errors());
        var blueprint = calls.Named(Recorded.Blueprint, "space_lift_stack").Request["object"]!.AsObject();
        Assert.Equal(OwnerMark.Format(new StackOwner("infra", "dev")), OwnerMark.Format(OwnerMark.Read(Recorded.Text(blueprint, "description"))!));
        Assert.Contains(calls, c => c.Method == "Log" && (Recorded.Text(c.Request, "message") ?? "").Contains("taken over by infra/dev", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithANameSuffixTheStackRegistersItsOwnNamesBesideAnotherStacksGuideNamedSet()
    {
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = 3 });
        await SeedBlueprintOwnedByAsync(world, Other);
        world.Config["infra:nameSuffix"] = "eu";
        world.Config["infra:blueprint"] = "space_lift_stack_eu";

        var (run, calls) = await world.RunAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        var custom = calls.Custom();
        Assert.Equal(["SPACELIFT_API_KEY_ID_EU", "SPACELIFT_API_KEY_SECRET_EU", "SPACELIFT_TOKEN_EU"], Names(custom, Recorded.Secret));
        Assert.Equal(
            ["refresh_spacelift_token_eu", "spacelift_token_refresh_rearm_eu", "spacelift_token_refresh_sync_eu", "spacelift_token_renew_eu", "spacelift_token_renew_failed_eu", "spacelift_token_renew_rearm_eu", "spacelift_token_renew_store_eu", "trigger_spacelift_stack_eu"],
            Names(custom, Recorded.Action));
        Assert.Equal(["space_lift_stack_eu", "spacelift_token_lease_eu"], Names(custom, Recorded.Blueprint));
        Assert.Contains("spacelift_token_lease_eu/SPACELIFT_TOKEN_EU", Names(custom, Recorded.Entity));

        var trigger = calls.Named(Recorded.Action, "trigger_spacelift_stack_eu").Request["object"]!;
        Assert.Equal("Bearer {{.secrets.SPACELIFT_TOKEN_EU}}", trigger["webhookMethod"]!["headers"]!["Authorization"]!.GetValue<string>());
        var refresh = calls.Named(Recorded.Action, "refresh_spacelift_token_eu").Request["object"]!;
        Assert.Contains("{{.secrets.SPACELIFT_API_KEY_SECRET_EU}}", refresh["webhookMethod"]!["body"]!.GetValue<string>(), StringComparison.Ordinal);
        var automation = calls.Named(Recorded.Action, "spacelift_token_refresh_sync_eu").Request["object"]!;
        Assert.Equal("refresh_spacelift_token_eu", automation["automationTrigger"]!["runUpdatedEvent"]!["actionIdentifier"]!.GetValue<string>());
        Assert.EndsWith("/v1/organization/secrets/SPACELIFT_TOKEN_EU", automation["webhookMethod"]!["url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(Recorded.Urn(Recorded.Action, "refresh_spacelift_token_eu"), Recorded.Strings(calls.Named(Recorded.Action, "spacelift_token_refresh_sync_eu").Request, "dependencies"));

        // Every description carries this stack's mark, where the standalone engine writes it; the key
        // secrets keep the standalone engine's order (mark, then fingerprint), so both engines read them.
        var owner = new StackOwner("infra", "dev");
        // Entities and an action's permissions have no description: they belong to their blueprint's and action's owner.
        foreach (var call in custom.Where(c => Recorded.Text(c.Request, "type") is not (Recorded.Entity or Recorded.ActionPermissions)))
        {
            Assert.Equal(owner, OwnerMark.Read(Recorded.Text(call.Request["object"]!.AsObject(), "description")));
        }

        Assert.StartsWith("Managed by infra · owner:infra/dev · fp:", Recorded.Text(calls.Named(Recorded.Secret, "SPACELIFT_API_KEY_ID_EU").Request["object"]!.AsObject(), "description"), StringComparison.Ordinal);
        foreach (var call in custom)
        {
            var type = Recorded.Text(call.Request, "type")!;
            var problems = ProviderSchema.Port.Validate(type, call.Request["object"]!.AsObject());
            Assert.True(problems.Count == 0, $"{type} {Recorded.Text(call.Request, "name")}:\n{string.Join("\n", problems)}");
        }
    }

    private static List<string> Names(List<RecordedCall> calls, string type)
        => [.. calls.Where(c => Recorded.Text(c.Request, "type") == type).Select(c => Recorded.Text(c.Request, "name")!).Order(StringComparer.Ordinal)];

    /// <summary>The guide's blueprint as another stack left it: marked with that stack's owner.</summary>
    private static async Task SeedBlueprintOwnedByAsync(PulumiWorld world, StackOwner owner)
    {
        using var api = new PortApi(world.Emulators.PortUrl, world.Emulators.Options.PortClientId, world.Emulators.Options.PortClientSecret);
        var blueprint = GuideResources.Blueprint();
        blueprint["description"] = OwnerMark.Append("Spacelift stacks, one entity per stack", owner);
        await api.SendAsync(HttpMethod.Post, "v1/blueprints", blueprint);
    }
}

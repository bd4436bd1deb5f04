using System.Text.Json.Nodes;
using Emulators.Hosting;
using FakePulumiEngine;
using Infra.Tests.Support;

namespace Infra.Tests.PulumiMode;

/// <summary>
/// The real built program run as Pulumi's dotnet language host runs it (no arguments, PULUMI_*
/// variables, an environment otherwise cleaned), against a fake engine and the emulators.
/// </summary>
[Collection(ChildProcessCollection.Name)]
public sealed class PulumiEngineModeTests
{
    private const int Stacks = 12;

    [Fact]
    public async Task UpRegistersTheStackThenEveryDeclaredResourceThenOutputsThenShutdown()
    {
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = Stacks });

        var (run, calls) = await world.RunAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        var methods = calls.Select(c => c.Method).ToList();
        Assert.Equal("RegisterResource", methods[0]);
        Assert.Equal(Recorded.Stack, Recorded.Text(calls[0].Request, "type"));
        Assert.Equal("infra-dev", Recorded.Text(calls[0].Request, "name"));
        Assert.Equal("SetRootResource", methods[1]);
        Assert.Equal(["RegisterResourceOutputs", "SignalAndWaitForShutdown"], methods[^2..]);
        Assert.Empty(calls.Errors());

        var custom = calls.Custom();
        // The stacks' blueprint and, for the self-renewing token (on by default), the lease's with its one entity and five automations.
        Assert.Equal(["space_lift_stack", "spacelift_token_lease"], custom.Where(c => Recorded.Text(c.Request, "type") == Recorded.Blueprint).Select(c => Recorded.Text(c.Request, "name")!).Order(StringComparer.Ordinal));
        Assert.Equal(["SPACELIFT_API_KEY_ID", "SPACELIFT_API_KEY_SECRET", "SPACELIFT_TOKEN"], custom.Where(c => Recorded.Text(c.Request, "type") == Recorded.Secret).Select(c => Recorded.Text(c.Request, "name")!).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["refresh_spacelift_token", "spacelift_token_refresh_rearm", "spacelift_token_refresh_sync", "spacelift_token_renew", "spacelift_token_renew_failed", "spacelift_token_renew_rearm", "spacelift_token_renew_store", "trigger_spacelift_stack"],
            custom.Where(c => Recorded.Text(c.Request, "type") == Recorded.Action).Select(c => Recorded.Text(c.Request, "name")!).Order(StringComparer.Ordinal));
        Assert.Equal(Stacks, calls.StackEntities().Count);
        Assert.Equal(Stacks + 1, custom.Count(c => Recorded.Text(c.Request, "type") == Recorded.Entity));
        Assert.Equal(["refresh_spacelift_token", "trigger_spacelift_stack"], custom.Where(c => Recorded.Text(c.Request, "type") == Recorded.ActionPermissions).Select(c => c.Request["object"]!["actionIdentifier"]!.GetValue<string>()).Order(StringComparer.Ordinal));

        var stackUrn = Recorded.Urn(Recorded.Stack, "infra-dev");
        foreach (var call in custom)
        {
            Assert.Equal(stackUrn, Recorded.Text(call.Request, "parent"));
            Assert.Equal("2.21.10", Recorded.Text(call.Request, "version"));
            Assert.Equal(ProviderSchema.Port.PluginDownloadUrl, Recorded.Text(call.Request, "pluginDownloadURL"));
            Assert.True(call.Request["acceptSecrets"]?.GetValue<bool>() == true && call.Request["supportsResultReporting"]?.GetValue<bool>() == true);
        }

        var outputs = calls.Single(c => c.Method == "RegisterResourceOutputs").Request;
        Assert.Equal(stackUrn, Recorded.Text(outputs, "urn"));
        Assert.Equal("space_lift_stack", outputs["outputs"]!["blueprintId"]!.GetValue<string>());
        Assert.Equal(Stacks, outputs["outputs"]!["entityCount"]!.GetValue<double>());
        Assert.True(DateTimeOffset.TryParse(outputs["outputs"]!["tokenValidUntil"]!.GetValue<string>(), out _));
    }

    [Fact]
    public async Task DependenciesAreDeclaredAndEachDependentIsSentAfterWhatItNeeds()
    {
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = Stacks });

        var (run, calls) = await world.RunAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        var blueprint = Recorded.Urn(Recorded.Blueprint, "space_lift_stack");
        var token = Recorded.Urn(Recorded.Secret, "SPACELIFT_TOKEN");
        var expected = new Dictionary<(string, string), string[]>
        {
            [(Recorded.Action, "trigger_spacelift_stack")] = [blueprint, token],
            [(Recorded.Action, "refresh_spacelift_token")] = [Recorded.Urn(Recorded.Secret, "SPACELIFT_API_KEY_ID"), Recorded.Urn(Recorded.Secret, "SPACELIFT_API_KEY_SECRET")],
            [(Recorded.Action, "spacelift_token_refresh_sync")] = [Recorded.Urn(Recorded.Action, "refresh_spacelift_token"), token],
            [(Recorded.ActionPermissions, "trigger_spacelift_stack")] = [Recorded.Urn(Recorded.Action, "trigger_spacelift_stack")],
            [(Recorded.ActionPermissions, "refresh_spacelift_token")] = [Recorded.Urn(Recorded.Action, "refresh_spacelift_token")],
        };
        foreach (var entity in calls.StackEntities())
        {
            expected[(Recorded.Entity, Recorded.Text(entity.Request, "name")!)] = [blueprint];
        }

        // The self-renewing token: the lease is armed from the token, the renewal reads the key secrets.
        var lease = Recorded.Urn(Recorded.Blueprint, "spacelift_token_lease");
        var renew = Recorded.Urn(Recorded.Action, "spacelift_token_renew");
        expected[(Recorded.Entity, "spacelift_token_lease/SPACELIFT_TOKEN")] = [lease, token];
        expected[(Recorded.Action, "spacelift_token_renew")] = [lease, Recorded.Urn(Recorded.Secret, "SPACELIFT_API_KEY_ID"), Recorded.Urn(Recorded.Secret, "SPACELIFT_API_KEY_SECRET")];
        expected[(Recorded.Action, "spacelift_token_renew_store")] = [renew, token];
        expected[(Recorded.Action, "spacelift_token_renew_rearm")] = [renew, lease];
        expected[(Recorded.Action, "spacelift_token_renew_failed")] = [renew, lease];
        expected[(Recorded.Action, "spacelift_token_refresh_rearm")] = [Recorded.Urn(Recorded.Action, "refresh_spacelift_token"), lease];

        var sequenceByUrn = calls.Registrations().ToDictionary(c => Recorded.Urn(Recorded.Text(c.Request, "type")!, Recorded.Text(c.Request, "name")!), c => c.Sequence);
        foreach (var ((type, name), needs) in expected)
        {
            var call = calls.Named(type, name);
            Assert.Equal(needs.Order(StringComparer.Ordinal), Recorded.Strings(call.Request, "dependencies").Order(StringComparer.Ordinal));
            Assert.All(needs, need => Assert.True(sequenceByUrn[need] < call.Sequence, $"{name} was sent before {need}"));
        }
    }

    [Fact]
    public async Task EveryInputIsValidForTheProviderSchemaAndSecretsAreWrapped()
    {
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = Stacks });

        var (run, calls) = await world.RunAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var call in calls.Custom())
        {
            var type = Recorded.Text(call.Request, "type")!;
            var problems = ProviderSchema.Port.Validate(type, call.Request["object"]!.AsObject());
            Assert.True(problems.Count == 0, $"{type} {Recorded.Text(call.Request, "name")}:\n{string.Join("\n", problems)}");
        }

        var keySecret = calls.Named(Recorded.Secret, "SPACELIFT_API_KEY_SECRET").Request;
        Assert.Equal(world.Config["spacelift:apiKeySecret"], keySecret["object"]!["secretValue"]!["value"]!.GetValue<string>());
        Assert.Equal(["secretValue"], Recorded.Strings(keySecret, "additionalSecretOutputs"));

        // Nothing the program printed carries a credential.
        Assert.DoesNotContain(world.Config["spacelift:apiKeySecret"], run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APreviewMintsNothingAndSendsTheTokenAsUnknown()
    {
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = Stacks });

        var (run, calls) = await world.RunAsync(new FakeEngineOptions { DryRun = true });

        Assert.True(run.ExitCode == 0, run.ToString());
        var token = calls.Named(Recorded.Secret, "SPACELIFT_TOKEN").Request["object"]!.AsObject();
        Assert.Equal(ProviderSchema.SecretSignature, token["secretValue"]![ProviderSchema.SecretKey]!.GetValue<string>());
        Assert.Equal(ProviderSchema.Unknown, token["secretValue"]!["value"]!.GetValue<string>());
        Assert.Equal(ProviderSchema.Unknown, token["description"]!.GetValue<string>());
        Assert.Empty(Recorded.Strings(calls.Named(Recorded.Secret, "SPACELIFT_TOKEN").Request, "ignoreChanges"));
    }

    [Fact]
    public async Task UpMintsATokenAndAFreshTokenInPortIsKeptWithIgnoreChanges()
    {
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = 2 });

        var (first, firstCalls) = await world.RunAsync();
        Assert.True(first.ExitCode == 0, first.ToString());
        var minted = firstCalls.Named(Recorded.Secret, "SPACELIFT_TOKEN").Request;
        var jwt = minted["object"]!["secretValue"]!["value"]!.GetValue<string>();
        Assert.Equal(3, jwt.Split('.').Length);
        Assert.Contains("validUntil:", minted["object"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(Recorded.Strings(minted, "ignoreChanges"));

        // What the provider would have written on that up: the token with its validUntil record.
        using (var api = new PortApi(world.Emulators.PortUrl, world.Emulators.Options.PortClientId, world.Emulators.Options.PortClientSecret))
        {
            await api.SendAsync(HttpMethod.Post, "v1/organization/secrets", new JsonObject
            {
                ["secretName"] = "SPACELIFT_TOKEN",
                ["secretValue"] = jwt,
                ["description"] = minted["object"]!["description"]!.GetValue<string>(),
            });
        }

        var (second, secondCalls) = await world.RunAsync();
        Assert.True(second.ExitCode == 0, second.ToString());
        var kept = secondCalls.Named(Recorded.Secret, "SPACELIFT_TOKEN").Request;
        Assert.Equal(["secretValue", "description"], Recorded.Strings(kept, "ignoreChanges"));
        Assert.NotEqual(jwt, kept["object"]!["secretValue"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task TwoRunsWithTheSameInputsRegisterIdenticalResources()
    {
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = Stacks });

        var (first, firstCalls) = await world.RunAsync(new FakeEngineOptions { DryRun = true });
        var (second, secondCalls) = await world.RunAsync(new FakeEngineOptions { DryRun = true });

        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, first + "\n" + second);
        Assert.Equal(Normalized(firstCalls), Normalized(secondCalls));

        static List<string> Normalized(IReadOnlyList<RecordedCall> calls)
            => [.. calls.Registrations().Select(c => c.Request.ToJsonString()).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// A failed read holds its set (ReadHolds, the standalone engine's rule): the rest of the graph is
    /// registered, no entity is, and the logged error fails the update so Pulumi deletes nothing.
    /// </summary>
    [Fact]
    public async Task AFailedSpaceliftReadHoldsTheEntitiesAndFailsTheUpdate()
    {
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = Stacks });
        world.Emulators.Faults.Configure("spacelift.query:500=1", seed: 1);
        world.Config["infra:allowMassDelete"] = "true";

        var (run, calls) = await world.RunAsync();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(calls.Custom(), c => Recorded.Text(c.Request, "type") == Recorded.Blueprint && Recorded.Text(c.Request, "name") == "space_lift_stack");
        // The stacks' set is held; the token's lease, which reads nothing from Spacelift, is not.
        Assert.Empty(calls.StackEntities());
        var error = Assert.Single(calls.Errors());
        Assert.Contains("reading Spacelift failed", Recorded.Text(error.Request, "message"), StringComparison.Ordinal);
        Assert.DoesNotContain("SignalAndWaitForShutdown", calls.Select(c => c.Method));
    }

    /// <summary>A team someone assigned in Port (KeptFields, as the standalone engine) is registered with the entity, so the provider does not clear it.</summary>
    [Fact]
    public async Task ATeamSomeoneAssignedInPortIsRegisteredWithTheEntity()
    {
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = 2 });
        var stack = world.Emulators.Spacelift.Stacks.All()[0];
        await world.SeedEntitiesAsync([new JsonObject
        {
            ["identifier"] = stack.Id,
            ["title"] = stack.Name,
            ["team"] = new JsonArray("platform"),
            ["properties"] = new JsonObject(),
            ["relations"] = new JsonObject(),
        }]);

        var (run, calls) = await world.RunAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        var entity = calls.Named(Recorded.Entity, $"space_lift_stack/{stack.Id}").Request["object"]!;
        Assert.Equal("""["platform"]""", entity["teams"]!.ToJsonString());
        var other = calls.StackEntities().Single(c => Recorded.Text(c.Request, "name") != $"space_lift_stack/{stack.Id}");
        Assert.Null(other.Request["object"]!["teams"]);
    }

    /// <summary>With infra:teamLabelPrefix, a labelled stack's entity is registered with its team's identifier, as the standalone engine declares it.</summary>
    [Fact]
    public async Task ATeamMappedFromASpaceliftLabelIsRegisteredByItsIdentifier()
    {
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions
        {
            Stacks = 2,
            PortTeamIdentifiers = global::Emulators.Unknowns.TeamIdentifiers.Distinct,
            PortUsers = [new global::Emulators.Port.Users.PortUser("p@acme.test", global::Emulators.Port.Users.PortUser.Member, ["platform"])],
        });
        world.Config["infra:teamLabelPrefix"] = "team:";
        var stack = world.Emulators.Spacelift.Stacks.All().First(s => s.Labels.Contains("team:platform", StringComparer.Ordinal));

        var (run, calls) = await world.RunAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        var entity = calls.Named(Recorded.Entity, $"space_lift_stack/{stack.Id}").Request["object"]!;
        var platform = global::Emulators.Unknowns.TeamIdentifier.Of("platform", global::Emulators.Unknowns.TeamIdentifiers.Distinct);
        Assert.Equal($"[\"{platform}\"]", entity["teams"]!.ToJsonString());
    }

    /// <summary>An entity someone made in Port is not registered (Pulumi never deletes what its state does not hold) and the log says why, as the standalone engine warns (Authorship).</summary>
    [Fact]
    public async Task AnEntityMadeByHandIsLeftAloneWithAWarning()
    {
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = 4 });
        await world.SeedEntitiesAsync(1);
        world.Emulators.Port.CreateEntityAsPerson("space_lift_stack", new JsonObject { ["identifier"] = "by-hand", ["properties"] = new JsonObject(), ["relations"] = new JsonObject() }, "auth0|person");

        var (run, calls) = await world.RunAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        var entities = calls.StackEntities().Select(c => Recorded.Text(c.Request, "name")).ToList();
        Assert.Equal(4, entities.Count);
        Assert.DoesNotContain("space_lift_stack/by-hand", entities);
        Assert.Contains(calls, c => c.Method == "Log" && (Recorded.Text(c.Request, "message") ?? "").StartsWith("1 undeclared entity of 'space_lift_stack' written by someone else in Port (auth0|person), e.g. by-hand", StringComparison.Ordinal));
    }

    /// <summary>The prune gate (PruneGate, as the standalone engine): the entities are kept as Port holds them and the update fails, unless mass deletion is allowed.</summary>
    [Fact]
    public async Task ZeroStacksWhilePortHoldsEntitiesKeepsThemAndFailsUnlessMassDeleteIsAllowed()
    {
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = 0 });
        await world.SeedEntitiesAsync(3);

        var (refused, refusedCalls) = await world.RunAsync();

        Assert.Equal(1, refused.ExitCode);
        Assert.Equal(3, refusedCalls.StackEntities().Count);
        Assert.Contains("0 stacks", Recorded.Text(Assert.Single(refusedCalls.Errors()).Request, "message"), StringComparison.Ordinal);

        world.Config["infra:allowMassDelete"] = "true";
        var (allowed, allowedCalls) = await world.RunAsync();

        Assert.True(allowed.ExitCode == 0, allowed.ToString());
        Assert.Empty(allowedCalls.StackEntities());
    }

    [Fact]
    public async Task DeletingMoreThanThePruneThresholdFailsTheUpdateAndTheEnvironmentOverrideAllowsIt()
    {
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = 1 });
        await world.SeedEntitiesAsync(10);

        var (refused, refusedCalls) = await world.RunAsync();

        Assert.Equal(1, refused.ExitCode);
        Assert.Equal(11, refusedCalls.StackEntities().Count);
        Assert.Contains("prune threshold", Recorded.Text(Assert.Single(refusedCalls.Errors()).Request, "message"), StringComparison.Ordinal);

        world.ExtraEnvironment["INFRA_ALLOW_MASS_DELETE"] = "true";
        var (allowed, _) = await world.RunAsync();

        Assert.True(allowed.ExitCode == 0, allowed.ToString());
    }

    [Fact]
    public async Task AMissingConfigKeyIsOneErrorThroughTheEngineLogAndTheEnvironmentCanSupplyIt()
    {
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = 1 });
        var clientId = world.Config["port:clientId"];
        world.Config.Remove("port:clientId");

        var (run, calls) = await world.RunAsync();

        Assert.Equal(32, run.ExitCode);
        Assert.Empty(calls.Custom());
        var message = Recorded.Text(Assert.Single(calls.Errors()).Request, "message")!;
        Assert.Contains("'port:clientId' (env PORT_CLIENT_ID)", message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", message, StringComparison.Ordinal);

        world.ExtraEnvironment["PORT_CLIENT_ID"] = clientId;
        var (fixedRun, _) = await world.RunAsync();

        Assert.True(fixedRun.ExitCode == 0, fixedRun.ToString());
    }

    [Fact]
    public async Task AResourceWhoseStepFailsWithoutContinueOnErrorMakesTheProgramExitNonZero()
    {
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = 2 });

        // Without --continue-on-error the engine cancels the update: the registration ends with a gRPC error.
        var (run, calls) = await world.RunAsync(new FakeEngineOptions { Fails = (type, _) => type == Recorded.Blueprint });

        Assert.Equal(32, run.ExitCode);
        Assert.DoesNotContain(calls.Custom(), c => Recorded.Text(c.Request, "type") == Recorded.Entity);
        Assert.DoesNotContain("SignalAndWaitForShutdown", calls.Select(c => c.Method));
    }

    [Fact]
    public async Task FiveThousandStacksRegisterFiveThousandEntities()
    {
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = 5000 });

        var (run, calls) = await world.RunAsync(timeout: TimeSpan.FromMinutes(5));

        Assert.True(run.ExitCode == 0, run.ToString());
        var entities = calls.StackEntities().Select(c => Recorded.Text(c.Request, "name")).ToList();
        Assert.Equal(5000, entities.Distinct().Count());
        Assert.Equal(5000, entities.Count);
    }
}

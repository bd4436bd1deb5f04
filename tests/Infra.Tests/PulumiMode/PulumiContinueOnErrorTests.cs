using Emulators.Hosting;
using FakePulumiEngine;
using Infra.Tests.Support;

namespace Infra.Tests.PulumiMode;

/// <summary>
/// <c>pulumi up --continue-on-error</c>: the engine answers FAIL for a resource whose step failed and SKIP
/// for what depends on it. The .NET SDK then resolves that resource's id (when the engine sent none) and
/// outputs as unknown and goes on, so the program finishes normally and the engine reports the failure
/// (pulumi/pulumi-dotnet <c>sdk/Pulumi/Deployment/Deployment_ReadOrRegisterResource.cs</c> <c>CompleteResourceAsync</c>).
/// Without the flag a failed step ends the registration with a gRPC error
/// (<see cref="PulumiEngineModeTests.AResourceWhoseStepFailsWithoutContinueOnErrorMakesTheProgramExitNonZero"/>).
/// </summary>
[Collection(ChildProcessCollection.Name)]
public sealed class PulumiContinueOnErrorTests
{
    private const string Unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    private const int Stacks = 3;

    [Fact]
    public async Task AFailedBlueprintLeavesEveryOtherResourceRegisteredItsIdUnknownAndTheProgramExitsZero()
    {
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = Stacks });
        var (cleanRun, clean) = await world.RunAsync();
        Assert.True(cleanRun.ExitCode == 0, cleanRun.ToString());

        var (run, calls) = await world.RunAsync(new FakeEngineOptions { ContinueOnError = true, Fails = (type, name) => type == Recorded.Blueprint && name == "space_lift_stack" });

        // The SDK's run: nothing logged by the program, the stack's outputs, the shutdown handshake, exit 0.
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Empty(calls.Errors());
        Assert.Equal(["RegisterResourceOutputs", "SignalAndWaitForShutdown"], calls.Select(c => c.Method).ToList()[^2..]);
        Assert.Equal([Recorded.Urn(Recorded.Blueprint, "space_lift_stack")], calls.Where(c => c.Method == "StepFailure").Select(c => Recorded.Text(c.Request, "urn")));

        // Every declared resource is still registered, the dependents of the blueprint (the entities and the
        // trigger action, which the engine skips) exactly as in a clean run: their dependency is the blueprint's
        // URN, which is known, and their inputs are the program's own values.
        Assert.Equal(Names(clean), Names(calls));
        var blueprintUrn = Recorded.Urn(Recorded.Blueprint, "space_lift_stack");
        var dependents = calls.Custom().Where(c => Recorded.Strings(c.Request, "dependencies").Contains(blueprintUrn)).ToList();
        Assert.Equal(Stacks + 1, dependents.Count);
        // The engine skips down the chain: the trigger's permissions depend on the skipped trigger.
        Assert.Equal(
            dependents.Select(c => Recorded.Urn(Recorded.Text(c.Request, "type")!, Recorded.Text(c.Request, "name")!)).Append(Recorded.Urn(Recorded.ActionPermissions, "trigger_spacelift_stack")).Order(StringComparer.Ordinal),
            calls.Where(c => c.Method == "StepSkipped").Select(c => Recorded.Text(c.Request, "urn")!).Order(StringComparer.Ordinal));
        foreach (var dependent in dependents)
        {
            var same = clean.Named(Recorded.Text(dependent.Request, "type")!, Recorded.Text(dependent.Request, "name")!);
            Assert.Equal(same.Request["object"]!.ToJsonString(), dependent.Request["object"]!.ToJsonString());
            Assert.Equal(Recorded.Strings(same.Request, "dependencies"), Recorded.Strings(dependent.Request, "dependencies"));
        }

        // The blueprint's id came back empty: the stack output read from it is unknown; the others are the program's.
        var outputs = calls.Single(c => c.Method == "RegisterResourceOutputs").Request["outputs"]!;
        Assert.Equal(Unknown, outputs["blueprintId"]!.GetValue<string>());
        Assert.Equal(Stacks, outputs["entityCount"]!.GetValue<double>());
        Assert.True(DateTimeOffset.TryParse(outputs["tokenValidUntil"]!.GetValue<string>(), out _), outputs.ToJsonString());
    }

    [Fact]
    public async Task AFailedUpdateKeepsTheIdTheEngineSentAsTheSdkDoes()
    {
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = Stacks });

        // The blueprint is in the engine's state: a failed update answers FAIL with the old id, which the SDK takes as known.
        var (run, calls) = await world.RunAsync(new FakeEngineOptions
        {
            ContinueOnError = true,
            Fails = (type, _) => type == Recorded.Blueprint,
            ExistingUrns = new HashSet<string> { Recorded.Urn(Recorded.Blueprint, "space_lift_stack") },
        });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("space_lift_stack", calls.Single(c => c.Method == "RegisterResourceOutputs").Request["outputs"]!["blueprintId"]!.GetValue<string>());
    }

    [Fact]
    public async Task AFailedTokenSecretMakesTheOutputThatReportsItUnknownAndItsDependentsAreStillRegistered()
    {
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = Stacks });

        var (run, calls) = await world.RunAsync(new FakeEngineOptions { ContinueOnError = true, Fails = (type, name) => type == Recorded.Secret && name == "SPACELIFT_TOKEN" });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Empty(calls.Errors());
        var tokenUrn = Recorded.Urn(Recorded.Secret, "SPACELIFT_TOKEN");
        foreach (var name in new[] { "trigger_spacelift_stack", "spacelift_token_refresh_sync" })
        {
            Assert.Contains(tokenUrn, Recorded.Strings(calls.Named(Recorded.Action, name).Request, "dependencies"));
        }

        // The stacks' entities and the token's lease, which is armed from the token and so skipped with it,
        // as the automation that stores the renewed token is.
        Assert.Equal(Stacks + 1, calls.Custom().Count(c => Recorded.Text(c.Request, "type") == Recorded.Entity));
        Assert.Equal(
            [
                Recorded.Urn(Recorded.Action, "spacelift_token_refresh_sync"), Recorded.Urn(Recorded.Action, "spacelift_token_renew_store"), Recorded.Urn(Recorded.Action, "trigger_spacelift_stack"),
                Recorded.Urn(Recorded.ActionPermissions, "trigger_spacelift_stack"), Recorded.Urn(Recorded.Entity, "spacelift_token_lease/SPACELIFT_TOKEN"),
            ],
            calls.Where(c => c.Method == "StepSkipped").Select(c => Recorded.Text(c.Request, "urn")!).Order(StringComparer.Ordinal));
        var outputs = calls.Single(c => c.Method == "RegisterResourceOutputs").Request["outputs"]!;
        Assert.Equal(Unknown, outputs["tokenValidUntil"]!.GetValue<string>());
        Assert.Equal("space_lift_stack", outputs["blueprintId"]!.GetValue<string>());
        Assert.Equal("SignalAndWaitForShutdown", calls[^1].Method);
    }

    [Fact]
    public async Task AFailedProviderIsReferencedWithAnUnknownIdAndTheEngineBailsOnItsFirstConsumer()
    {
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = Stacks });

        var (run, calls) = await world.RunAsync(new FakeEngineOptions { ContinueOnError = true, Fails = (type, _) => type == Recorded.Provider });

        // The reference is built from the provider's id as the SDK builds it (unknown when empty); the engine
        // cannot find that provider, so the update fails whatever the flag, and the program reports the error.
        Assert.Equal(32, run.ExitCode);
        var consumers = calls.Custom();
        Assert.NotEmpty(consumers);
        Assert.All(consumers, c => Assert.Equal(Recorded.ProviderReference(Unknown), Recorded.Text(c.Request, "provider")));
        Assert.Contains(calls, c => c.Method == "UnknownProvider");
        Assert.Single(calls.Errors());
        Assert.DoesNotContain("SignalAndWaitForShutdown", calls.Select(c => c.Method));
    }

    private static List<string> Names(IReadOnlyList<RecordedCall> calls)
        => [.. calls.Registrations().Select(c => $"{Recorded.Text(c.Request, "type")}::{Recorded.Text(c.Request, "name")}").Order(StringComparer.Ordinal)];
}

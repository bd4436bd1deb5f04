using System.Text.Json.Nodes;
using Emulators.Hosting;
using Emulators.Unknowns;
using Infra.Tests.Support;

namespace Infra.Tests.Engine;

/// <summary>
/// Issue 28, finding 8: the hourly `up` deleted entities people created by hand in the blueprint. Port records
/// who created and last updated an entity; what it records for the program's own credentials is not published,
/// so the flow runs under each answer the emulator can play (docs/unknowns.md, --port-author).
/// </summary>
public sealed class WhatPeopleAddInPortTests
{
    private const string Person = "auth0|64b7e2c1d9a0f35e81c4a2b6";

    [Theory]
    [InlineData(AuthorRecord.ClientId)]
    [InlineData(AuthorRecord.MachineSubject)]
    [InlineData(AuthorRecord.CredentialsOwner)]
    public async Task AnEntityMadeByHandStaysWithAWarningWhileTheProgramsOwnForAGoneStackIsPruned(AuthorRecord author)
    {
        // Given: an up, then a stack gone from Spacelift and an entity someone made in Port's UI
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 12, PortAuthor = author });
        Assert.Equal(0, (await sandbox.Cli("up", "--yes")).ExitCode);
        var gone = sandbox.StackIds()[0];
        sandbox.Emulators.Spacelift.Stacks.Remove(gone);
        sandbox.Emulators.Port.CreateEntityAsPerson(Sandbox.Blueprint, HandMade(), Person);

        // When
        var run = await sandbox.Cli("up", "--yes");

        // Then: the hand-made entity stays, named in a warning with its author
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("by-hand", sandbox.EntityIds());
        Assert.Contains($"written by someone else in Port ({Person}", run.All, StringComparison.Ordinal);

        // and the gone stack's entity is pruned when Port records the program's client; when Port records the
        // credentials' owner the program cannot tell it from a person's, so it stays too and the warning names it
        if (author == AuthorRecord.CredentialsOwner)
        {
            Assert.Contains(gone, sandbox.EntityIds());
            Assert.Contains(RecordedAuthor.CredentialsOwner, run.All, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain(gone, sandbox.EntityIds());
        }
    }

    [Theory]
    [InlineData(AuthorRecord.ClientId)]
    [InlineData(AuthorRecord.CredentialsOwner)]
    public async Task WhenTheBlueprintIsDeclaredTheProgramsAloneEveryUndeclaredEntityIsPruned(AuthorRecord author)
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 12, PortAuthor = author });
        sandbox.Config["infra:exclusiveBlueprints"] = "true";
        sandbox.WriteStackFile();
        Assert.Equal(0, (await sandbox.Cli("up", "--yes")).ExitCode);
        sandbox.Emulators.Spacelift.Stacks.Remove(sandbox.StackIds()[0]);
        sandbox.Emulators.Port.CreateEntityAsPerson(Sandbox.Blueprint, HandMade(), Person);

        var run = await sandbox.Cli("up", "--yes");

        Assert.True(run.ExitCode == 0, run.ToString());
        sandbox.AssertEntitiesMatchStacks();
        Assert.DoesNotContain("someone else", run.All, StringComparison.Ordinal);
    }

    private static JsonObject HandMade() => new()
    {
        ["identifier"] = "by-hand",
        ["title"] = "Made in Port's UI",
        ["properties"] = new JsonObject(),
        ["relations"] = new JsonObject(),
    };
}

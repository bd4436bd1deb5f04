using System.Text.Json.Nodes;
using Infra.Cli.Diagnostics;
using Infra.Cli.Decisions.Ownership;
using Infra.Sdk;

namespace Infra.Tests.Ownership;

public sealed class OwnershipCheckTests
{
    private static readonly StackOwner A = new("infra", "a");
    private static readonly StackOwner B = new("infra", "b");
    private static readonly ResourceAddress Trigger = new(ResourceKind.Action, "trigger_spacelift_stack");
    private static readonly ResourceAddress Token = new(ResourceKind.Secret, "SPACELIFT_TOKEN");
    private static readonly ResourceAddress Blueprint = new(ResourceKind.Blueprint, "space_lift_stack");

    private static KeyValuePair<ResourceAddress, JsonObject?> Live(ResourceAddress address, string? description)
        => KeyValuePair.Create(address, (JsonObject?)new JsonObject { ["identifier"] = address.Id, ["description"] = description });

    [Fact]
    public void Marks_say_whose_each_resource_is()
    {
        var report = OwnershipCheck.Evaluate(
            B,
            [Live(Trigger, "A self service action · owner:infra/a"), Live(Token, "Refreshed Spacelift API token"), Live(Blueprint, "x · owner:infra/b"), KeyValuePair.Create(new ResourceAddress(ResourceKind.Secret, "GONE"), (JsonObject?)null)],
            takeOver: false);

        Assert.Equal(OwnershipStatus.Foreign, report.Status(Trigger));
        Assert.Equal(OwnershipStatus.Unmarked, report.Status(Token));
        Assert.Equal(OwnershipStatus.Ours, report.Status(Blueprint));
        Assert.Equal(A, report.Findings[Trigger].MarkedOwner);
        Assert.Equal([Trigger], report.Conflicts.Select(c => c.Address));
        Assert.Equal("no owner mark in Port: adopted by infra/b and marked", report.Reason(Token));
        Assert.Null(report.Reason(Blueprint));
    }

    [Fact]
    public void Another_stacks_resource_is_refused_in_one_line_naming_it_its_owner_and_the_ways_out()
    {
        var report = OwnershipCheck.Evaluate(B, [Live(Trigger, "owner:infra/a"), Live(Token, "Managed by infra · owner:infra/a · validUntil:x")], takeOver: false);

        var error = Assert.Throws<OwnershipConflictException>(() => report.ThrowIfConflicts());

        Assert.Equal(ExitCodes.OwnershipConflict, error.ExitCode);
        Assert.DoesNotContain('\n', error.Message);
        Assert.StartsWith("port:index/action:Action trigger_spacelift_stack belongs to stack infra/a, not infra/b (and 1 more owned by other stacks); nothing was written.", error.Message);
        Assert.Contains("infra:nameSuffix", error.Message);
        Assert.Contains("--take-over", error.Message);
    }

    [Fact]
    public void Only_the_resources_to_be_written_can_conflict()
    {
        var report = OwnershipCheck.Evaluate(B, [Live(Trigger, "owner:infra/a")], takeOver: false);

        report.ThrowIfConflicts([Token, Blueprint]);

        Assert.Throws<OwnershipConflictException>(() => report.ThrowIfConflicts([Trigger]));
    }

    [Fact]
    public void A_takeover_moves_another_stacks_resource_and_says_so()
    {
        var report = OwnershipCheck.Evaluate(B, [Live(Trigger, "owner:infra/a")], takeOver: true);

        report.ThrowIfConflicts();

        Assert.Equal(OwnershipStatus.TakenOver, report.Status(Trigger));
        Assert.Equal("owned by stack infra/a: taken over by infra/b (--take-over)", report.Reason(Trigger));
    }

    [Fact]
    public void Another_executor_checks_its_declared_resources_against_live_bodies_in_one_call()
    {
        var live = new Dictionary<ResourceAddress, JsonObject>
        {
            [Trigger] = new() { ["description"] = "owner:infra/a" },
            [Token] = new() { ["description"] = "Refreshed Spacelift API token" },
        };

        var error = Assert.Throws<OwnershipConflictException>(() => OwnershipCheck.Require(B, [Blueprint, Trigger, Token], live, takeOver: false));
        var report = OwnershipCheck.Require(B, [Blueprint, Token], live, takeOver: false);
        var takenOver = OwnershipCheck.Require(B, [Trigger], live, takeOver: true);

        Assert.Equal([Trigger], error.Conflicts.Select(c => c.Address));
        Assert.Equal(OwnershipStatus.Unmarked, report.Status(Token));
        Assert.Equal(OwnershipStatus.TakenOver, takenOver.Status(Trigger));
    }
}

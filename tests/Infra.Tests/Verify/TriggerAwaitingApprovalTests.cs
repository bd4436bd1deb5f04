using System.Text.Json.Nodes;
using Infra.Cli.Shell.Rendering.Verify;
using Infra.Cli.Diagnostics;
using Infra.Tests.Support;
using Infra.Cli.Verify;

namespace Infra.Tests.Verify;

/// <summary>
/// <c>verify --trigger</c> when Port holds the trigger's run for an approval: the step ends at once, not
/// as a timeout, names the run and how it is approved, and the live-state step is skipped with a reason.
/// Nothing broke, so the exit code is 0 and the result says what is pending.
/// </summary>
public sealed class TriggerAwaitingApprovalTests
{
    private static readonly LiveStateTarget Live = new("space_lift_stack", "spacelift_stack_state");

    [Fact]
    public async Task ARunHeldForApprovalEndsTheTriggerStepAtOnce()
    {
        var port = new ScriptedPortOrganisation(GoldenDeclaration.Protected);

        var report = await port.VerifyAsync("stack-1", Live);

        Assert.Equal(["permissions", "refresh", "automation", "trigger", "live-state"], report.Steps.Select(s => s.Name));
        var trigger = report.Steps[3];
        Assert.Equal(VerifyStepStatus.AwaitingApproval, trigger.Status);
        Assert.Null(trigger.BrokenLink);
        Assert.Equal(ScriptedPortOrganisation.TriggerRun, trigger.RunId);
        Assert.Equal("WAITING_FOR_APPROVAL", trigger.RunStatus);
        Assert.Contains("run r_trigger WAITING_FOR_APPROVAL", trigger.Message, StringComparison.Ordinal);
        Assert.Contains("PATCH /v1/actions/runs/r_trigger/approval", trigger.Message, StringComparison.Ordinal);
        Assert.Null(trigger.SpaceliftRunId);
        // Not polled at all: Port answered the POST with the held run.
        Assert.Equal(0, port.TriggerReads);
        Assert.Equal(VerifyStepStatus.Skipped, report.Steps[4].Status);
        Assert.Contains("r_trigger waits for an approval", report.Steps[4].Message, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, report.ExitCode);
        Assert.Equal("awaiting-approval", report.Result);
        Assert.Equal(TriggerApproval.Protected, report.Steps[0].Approval);
    }

    [Fact]
    public async Task ARunThatTurnsToWaitingWhileReadStopsThePoll()
    {
        var port = new ScriptedPortOrganisation(GoldenDeclaration.Protected)
        {
            TriggerStatuses = ["IN_PROGRESS", "IN_PROGRESS", "WAITING_FOR_APPROVAL"],
        };

        var report = await port.VerifyAsync("stack-1");

        Assert.Equal(VerifyStepStatus.AwaitingApproval, report.Steps[3].Status);
        Assert.Equal(2, port.TriggerReads);
    }

    [Fact]
    public async Task ARunThatStartsAtOnceIsFollowedAsBefore()
    {
        var port = new ScriptedPortOrganisation { TriggerStatuses = ["IN_PROGRESS", "SUCCESS"] };

        var report = await port.VerifyAsync("stack-1");

        Assert.Equal(VerifyStepStatus.Passed, report.Steps[3].Status);
        Assert.Equal("01SPACELIFTRUN", report.Steps[3].SpaceliftRunId);
        Assert.Equal("passed", report.Result);
    }

    [Fact]
    public async Task TextAndJsonSayTheRunWaitsRatherThanFailed()
    {
        var report = await new ScriptedPortOrganisation(GoldenDeclaration.Protected).VerifyAsync("stack-1", Live);

        var lines = VerifyText.Lines(report).ToList();
        var document = JsonNode.Parse(VerifyJson.Render(report))!.AsObject();

        Assert.Contains(lines, l => l.StartsWith("  wait trigger     trigger_spacelift_stack: run r_trigger WAITING_FOR_APPROVAL", StringComparison.Ordinal));
        Assert.StartsWith("Verified 3 of 5 steps", lines[^1], StringComparison.Ordinal);
        Assert.EndsWith("trigger_spacelift_stack run r_trigger waits for an approval in Port, so 1 later step was not checked", lines[^1], StringComparison.Ordinal);
        Assert.Equal("awaiting-approval", document["result"]!.GetValue<string>());
        Assert.Equal(0, document["exitCode"]!.GetValue<int>());
        Assert.Null(document["brokenLink"]);
        var steps = document["steps"]!.AsArray();
        Assert.Equal(["passed", "passed", "passed", "awaiting-approval", "skipped"], steps.Select(s => s!["status"]!.GetValue<string>()));
        Assert.Equal("protected", steps[0]!["approval"]!.GetValue<string>());
        Assert.Equal("ANY", steps[0]!["permissions"]![0]!["requiredApproval"]!.GetValue<string>());
    }
}

using System.Net;
using System.Text.Json.Nodes;
using Infra.Cli.Config;
using Infra.Cli.Diagnostics;
using Infra.Cli.Http;
using Infra.Sdk;
using Infra.Tests.Port.Support;
using Infra.Tests.Support;
using Infra.Cli.Verify;

namespace Infra.Tests.Verify;

/// <summary>
/// verify's live-state link over a scripted Port (real HTTP client, instant clock): the entity follows
/// the run, or the audit log names what broke, each with its own exit code. The loop is bounded by the
/// timeout on the injected clock.
/// </summary>
public sealed class LiveStateCheckTests
{
    private const string Since = "2026-11-28T12:00:00.000Z";
    private static readonly LiveStateTarget Target = new("space_lift_stack", "spacelift_stack_state");

    [Fact]
    public async Task TheEntityFollowingTheRunToAFinalStatePasses()
    {
        // The run's events land on the third poll: QUEUED first, FINISHED later.
        var port = new ScriptedPort(poll => poll switch
        {
            < 3 => ([], "FINISHED"),
            < 6 => ([Audit("SUCCESS")], "QUEUED"),
            _ => ([Audit("SUCCESS"), Audit("SUCCESS")], "FINISHED"),
        });

        var step = await port.CheckAsync();

        Assert.Equal(VerifyStepStatus.Passed, step.Status);
        Assert.Contains("FINISHED", step.Message);
        Assert.True(port.Polls >= 7);
        var audit = port.Handler.Requests.First(r => r.Path.EndsWith("/audit-log", StringComparison.Ordinal));
        Assert.Equal($"?webhookId=spacelift_stack_state&limit=100&from={Uri.EscapeDataString(Since)}", audit.Uri.Query);
    }

    [Fact]
    public async Task NoEventSinceTheTriggerIsNoDelivery()
    {
        var port = new ScriptedPort(_ => ([], "FINISHED"));

        var step = await port.CheckAsync();

        Assert.Equal(VerifyLink.LiveNoDelivery, step.BrokenLink);
        Assert.Equal(ExitCodes.VerifyLiveNoDelivery, step.BrokenLink!.Value.ExitCode());
        Assert.Contains("no event reached spacelift_stack_state", step.Message);
        // Bounded: at most Timeout / PollInterval + 2 reads.
        Assert.InRange(port.Polls, 2, 242);
    }

    [Fact]
    public async Task ARefusedSignatureIsTheSignatureLink()
    {
        var port = new ScriptedPort(_ => ([Audit("FAILURE", "signature mismatch")], "FINISHED"));

        var step = await port.CheckAsync();

        Assert.Equal(VerifyLink.LiveSignature, step.BrokenLink);
        Assert.Equal(ExitCodes.VerifyLiveSignature, step.BrokenLink!.Value.ExitCode());
        Assert.Contains("`up` mints a new one", step.Message);
    }

    [Fact]
    public async Task EventsTheMappingAppliedNothingOfAreTheMappingLink()
    {
        var port = new ScriptedPort(_ => ([Audit("FAILURE", "search returned no entity")], "FINISHED"));

        var step = await port.CheckAsync();

        Assert.Equal(VerifyLink.LiveMapping, step.BrokenLink);
        Assert.Equal(ExitCodes.VerifyLiveMapping, step.BrokenLink!.Value.ExitCode());
        Assert.Contains("search returned no entity", step.Message);
    }

    [Fact]
    public async Task ARunThatNeverReachesAFinalStateIsReportedWithTheStateItIsIn()
    {
        var port = new ScriptedPort(_ => ([Audit("SUCCESS")], "APPLYING"));

        var step = await port.CheckAsync();

        Assert.Equal(VerifyLink.LiveNoDelivery, step.BrokenLink);
        Assert.Contains("still APPLYING", step.Message);
    }

    private static JsonObject Audit(string status, string? message = null) => new() { ["status"] = status, ["message"] = message };

    /// <summary>Port with one trigger run, a webhook audit log and one entity whose answers depend on the poll.</summary>
    private sealed class ScriptedPort
    {
        private readonly Func<int, (JsonObject[] Audit, string State)> _script;
        private readonly InstantTimeProvider _clock = new();

        public ScriptedPort(Func<int, (JsonObject[] Audit, string State)> script)
        {
            _script = script;
            Handler = new StubHttpMessageHandler(Answer);
        }

        public StubHttpMessageHandler Handler { get; }

        public int Polls { get; private set; }

        public Task<VerifyStep> CheckAsync()
        {
            var options = new VerifyOptions("stack-1", TimeSpan.FromSeconds(120), TimeSpan.FromMilliseconds(500));
            var port = new PortActionRuns(
                new PortSettings(new Uri("https://api.port.io"), "client", new Secret("port-secret")),
                new ClientOptions(Handler: Handler, Time: _clock, RequestTimeout: TimeSpan.FromMinutes(5)));
            var check = new LiveStateCheck(port, Target, new BoundedPoll(options, _clock, _ => { }), new SecretMasker());
            return check.RunAsync("stack-1", "r_trigger", CancellationToken.None);
        }

        private HttpResponseMessage Answer(RecordedRequest request)
        {
            if (request.Path.EndsWith("/auth/access_token", StringComparison.Ordinal))
            {
                return Answers.PortToken("port-token");
            }

            if (request.Path.EndsWith("/actions/runs/r_trigger", StringComparison.Ordinal))
            {
                return Answers.Ok(new JsonObject { ["ok"] = true, ["run"] = new JsonObject { ["id"] = "r_trigger", ["createdAt"] = Since } }.ToJsonString());
            }

            var (audit, state) = _script(Polls);
            if (request.Path.EndsWith("/audit-log", StringComparison.Ordinal))
            {
                return Answers.Ok(new JsonObject { ["ok"] = true, ["audits"] = new JsonArray([.. audit.Select(a => (JsonNode)a.DeepClone())]) }.ToJsonString());
            }

            if (request.Path.EndsWith("/entities/stack-1", StringComparison.Ordinal))
            {
                Polls++;
                return Answers.Ok(new JsonObject { ["ok"] = true, ["entity"] = new JsonObject { ["identifier"] = "stack-1", ["properties"] = new JsonObject { ["state"] = state } } }.ToJsonString());
            }

            return Answers.PortError(HttpStatusCode.NotFound, "not_found", request.Path);
        }
    }
}

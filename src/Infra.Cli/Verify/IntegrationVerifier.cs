using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Infra.Cli.Port;
using Infra.Sdk;
using Infra.Cli.Http;

namespace Infra.Cli.Verify;

/// <summary>
/// Walks the deployed chain as a Port user would: say who may run the actions (<see cref="PermissionsCheck"/>),
/// prove the self-renewing token renews when the program declares one (<see cref="RenewalCheck"/>),
/// run <c>refresh_spacelift_token</c>, see the automation
/// <c>spacelift_token_refresh_sync</c> run and rewrite <c>SPACELIFT_TOKEN</c>; only when asked, run
/// <c>trigger_spacelift_stack</c>: right after a renewal that passed (so on the token the loop wrote), else
/// after the refresh. Port marks a synchronized webhook run SUCCESS on any 2xx answer, so
/// each step also reads the GraphQL answer Port kept in the run: <c>errors</c> or no data is a failure.
/// Every wait is bounded by <see cref="VerifyOptions.Timeout"/> on the injected clock. A run Port holds
/// for an approval ends its step at once (<see cref="VerifyStepStatus.AwaitingApproval"/>): only a person
/// can release it, so waiting would only end in a timeout blamed on the webhook.
/// </summary>
internal sealed class IntegrationVerifier(
    PortActionRuns port,
    VerifyOptions options,
    TimeProvider time,
    Uri spaceliftEndpoint,
    SecretMasker scrubber,
    Action<string> progress,
    VerifyTargets targets)
{
    /// <summary>Port's status of a run that waits for an approval (a declined run ends DECLINED).</summary>
    private const string WaitingForApproval = "WAITING_FOR_APPROVAL";

    public async Task<VerifyReport> RunAsync(string stack, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        await RequireActionAsync(targets.RefreshAction, stack, cancellationToken).ConfigureAwait(false);
        if (options.TriggerStack is not null)
        {
            await RequireActionAsync(targets.TriggerAction, stack, cancellationToken).ConfigureAwait(false);
        }

        var steps = new List<VerifyStep> { await new PermissionsCheck(port, targets, targets.Declared, scrubber).RunAsync(cancellationToken).ConfigureAwait(false) };
        var triggered = false;
        if (targets.Renewal is { } renewal)
        {
            // First, while the token is the loop's: a renewal Port runs on its own, then the button.
            var renewed = await new RenewalCheck(port, renewal, targets.TokenSecret, options, new BoundedPoll(options, time, progress), scrubber).RunAsync(cancellationToken).ConfigureAwait(false);
            steps.Add(renewed);
            if (renewed.Status == VerifyStepStatus.Passed && options.TriggerStack is { } renewedStack)
            {
                // The trigger runs on the token the loop just wrote, before the button replaces it: that is what proves the loop.
                steps.AddRange(await TriggerAndLiveStateAsync(renewedStack, cancellationToken).ConfigureAwait(false));
                triggered = true;
            }
        }

        // What was there before the refresh, so the automation's run and the token's rewrite can be told apart from older ones.
        var automation = await port.GetActionAsync(targets.TokenAutomation, cancellationToken).ConfigureAwait(false);
        var earlierRuns = automation is null
            ? []
            : (await port.ListRunsAsync(targets.TokenAutomation, cancellationToken).ConfigureAwait(false)).Select(RunId).ToHashSet(StringComparer.Ordinal);
        var tokenBefore = await port.GetSecretAsync(targets.TokenSecret, cancellationToken).ConfigureAwait(false);

        var refresh = await RefreshAsync(cancellationToken).ConfigureAwait(false);
        steps.Add(refresh);
        var automationStep = refresh.Status == VerifyStepStatus.Passed
            ? await AutomationAsync(automation, earlierRuns, tokenBefore, cancellationToken).ConfigureAwait(false)
            : VerifyStep.Skip("automation", targets.TokenAutomation, refresh.Status == VerifyStepStatus.AwaitingApproval
                ? $"not checked: the refresh's run {refresh.RunId} waits for an approval, so no token was produced yet"
                : "not checked: the refresh did not produce a token");
        steps.Add(automationStep);
        if (!triggered && options.TriggerStack is { } stackId)
        {
            steps.AddRange(automationStep.Status == VerifyStepStatus.Passed
                ? await TriggerAndLiveStateAsync(stackId, cancellationToken).ConfigureAwait(false)
                : Skipped("not run: the token was not refreshed, so no Spacelift run was started"));
        }

        return new VerifyReport(stack, steps, time.GetElapsedTime(started));
    }

    private async Task RequireActionAsync(string identifier, string stack, CancellationToken cancellationToken)
    {
        if (await port.GetActionAsync(identifier, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new VerifyException($"the action '{identifier}' is not in Port: run `up --stack {stack}` first");
        }
    }

    private async Task<VerifyStep> RefreshAsync(CancellationToken cancellationToken)
    {
        const string name = "refresh";
        var action = targets.RefreshAction;
        var (run, ended) = await ExecuteAndWaitAsync(action, [], cancellationToken).ConfigureAwait(false);
        var (step, response, verdict) = await CheckWebhookRunAsync(name, action, run, ended, cancellationToken).ConfigureAwait(false);
        if (verdict is not null)
        {
            return verdict;
        }

        var jwt = JsonWire.String(response?["data"]?["apiKeyUser"]?["jwt"]);
        scrubber.Add(jwt);
        if (string.IsNullOrEmpty(jwt) || HasErrors(response))
        {
            return Fail(step, VerifyLink.Credentials,
                $"Port marked run {step.RunId} SUCCESS, but Spacelift refused the API key ({Errors(response)}): check the secrets "
                + $"{string.Join(" and ", targets.KeySecrets)} in Port (spacelift:apiKeyId / spacelift:apiKeySecret, then `up`)");
        }

        return step with { Status = VerifyStepStatus.Passed, Message = $"run {step.RunId} SUCCESS: Spacelift issued a new JWT" };
    }

    private async Task<VerifyStep> AutomationAsync(JsonObject? automation, HashSet<string> earlierRuns, JsonObject? tokenBefore, CancellationToken cancellationToken)
    {
        const string name = "automation";
        var action = targets.TokenAutomation;
        var step = new VerifyStep(name, action, VerifyStepStatus.Failed, "");
        if (automation is null)
        {
            return Fail(step, VerifyLink.Automation, $"{action} is not in Port (deleted?): the new JWT was not stored in {targets.TokenSecret}; `up` restores the automation");
        }

        if (JsonWire.Boolean(automation["publish"]) == false)
        {
            return Fail(step, VerifyLink.Automation, $"{action} is disabled in Port (publish: false): the new JWT was not stored; `up` restores it");
        }

        var run = await WaitForNewRunAsync(action, earlierRuns, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return Fail(step, VerifyLink.Automation,
                $"no run of {action} started within {Seconds(options.Timeout)} after the refresh: its condition did not hold (trigger.condition in Port; `preview --diff` shows an edit)");
        }

        var ended = true;
        if (!Ended(run))
        {
            (run, ended) = await WaitAsync(action, RunId(run), cancellationToken).ConfigureAwait(false);
        }

        step = Describe(name, action, run);
        step = step with { LastLog = await LastLogAsync(step.RunId!, cancellationToken).ConfigureAwait(false) };
        if (Unfinished(step, run, ended) is { } unfinished)
        {
            return unfinished with { Message = "the automation's " + unfinished.Message };
        }

        var tokenAfter = await port.GetSecretAsync(targets.TokenSecret, cancellationToken).ConfigureAwait(false);
        var updatedAt = JsonWire.String(tokenAfter?["updatedAt"]);
        if (tokenAfter is null || updatedAt == JsonWire.String(tokenBefore?["updatedAt"]))
        {
            return Fail(step, VerifyLink.Automation,
                $"run {step.RunId} SUCCESS, but {targets.TokenSecret} was not rewritten (updatedAt {updatedAt ?? "none: the secret is missing"})");
        }

        var description = JsonWire.String(tokenAfter["description"]);
        return step with
        {
            Status = VerifyStepStatus.Passed,
            TokenUpdatedAt = updatedAt,
            Message = $"run {step.RunId} SUCCESS: {targets.TokenSecret} rewritten at {updatedAt}" + (description is null ? "" : $" (\"{scrubber.MaskText(description)}\")"),
        };
    }

    /// <summary>The trigger step, and the live-state step that follows its run when live updates are declared.</summary>
    private async Task<List<VerifyStep>> TriggerAndLiveStateAsync(string stackId, CancellationToken cancellationToken)
    {
        var trigger = await TriggerAsync(stackId, cancellationToken).ConfigureAwait(false);
        List<VerifyStep> steps = [trigger];
        if (targets.Live is { } live)
        {
            steps.Add(trigger.Status switch
            {
                VerifyStepStatus.Passed => await new LiveStateCheck(port, live, new BoundedPoll(options, time, progress), scrubber).RunAsync(stackId, trigger.RunId!, cancellationToken).ConfigureAwait(false),
                VerifyStepStatus.AwaitingApproval => VerifyStep.Skip(LiveStateCheck.StepName, live.Webhook, $"not checked: run {trigger.RunId} waits for an approval, so no Spacelift run was started yet"),
                _ => VerifyStep.Skip(LiveStateCheck.StepName, live.Webhook, "not checked: no Spacelift run was started"),
            });
        }

        return steps;
    }

    /// <summary>The trigger step (and the live-state step) when no token could be proven to run it.</summary>
    private List<VerifyStep> Skipped(string why)
    {
        List<VerifyStep> steps = [VerifyStep.Skip("trigger", targets.TriggerAction, why)];
        if (targets.Live is { } live)
        {
            steps.Add(VerifyStep.Skip(LiveStateCheck.StepName, live.Webhook, "not checked: no Spacelift run was started"));
        }

        return steps;
    }

    private async Task<VerifyStep> TriggerAsync(string stackId, CancellationToken cancellationToken)
    {
        const string name = "trigger";
        var action = targets.TriggerAction;
        JsonObject run;
        bool ended;
        try
        {
            (run, ended) = await ExecuteAndWaitAsync(action, new JsonObject { ["stack"] = stackId }, cancellationToken).ConfigureAwait(false);
        }
        catch (PortApiException e) when (e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest)
        {
            throw new VerifyException($"--trigger '{stackId}': Port refused to run {action}: {scrubber.MaskText(e.Message)}");
        }

        var (step, response, verdict) = await CheckWebhookRunAsync(name, action, run, ended, cancellationToken).ConfigureAwait(false);
        if (verdict is not null)
        {
            return verdict;
        }

        var runId = JsonWire.String(response?["data"]?["runTrigger"]?["id"]);
        if (HasErrors(response) || string.IsNullOrEmpty(runId))
        {
            return Fail(step, VerifyLink.SpaceliftAnswer,
                $"Port marked run {step.RunId} SUCCESS, but Spacelift started no run for stack '{stackId}' ({Errors(response)})");
        }

        var link = new Uri(spaceliftEndpoint.AbsoluteUri.TrimEnd('/') + $"/stack/{Uri.EscapeDataString(stackId)}/run/{Uri.EscapeDataString(runId)}");
        return step with
        {
            Status = VerifyStepStatus.Passed,
            SpaceliftRunId = runId,
            SpaceliftRunUrl = link,
            Message = $"run {step.RunId} SUCCESS: Spacelift run {runId} started for stack '{stackId}'",
        };
    }

    /// <summary>
    /// What every webhook action's run must pass before its answer is read: it is not held for an
    /// approval, it ended SUCCESS, and what Port kept as the answer is GraphQL's. <c>Verdict</c> is the
    /// step's verdict when it did not.
    /// </summary>
    private async Task<(VerifyStep Step, JsonNode? Response, VerifyStep? Verdict)> CheckWebhookRunAsync(
        string name, string action, JsonObject run, bool ended, CancellationToken cancellationToken)
    {
        var step = Describe(name, action, run) with { LastLog = await LastLogAsync(RunId(run), cancellationToken).ConfigureAwait(false) };
        if (Held(run))
        {
            return (step, null, step with
            {
                Status = VerifyStepStatus.AwaitingApproval,
                Message = $"run {step.RunId} {WaitingForApproval}: {action} requires approval, and Port holds the run until an allowed approver "
                    + $"(see the permissions step) approves it in Port (PATCH /v1/actions/runs/{step.RunId}/approval); its webhook is not called until then",
            });
        }

        if (Unfinished(step, run, ended) is { } unfinished)
        {
            return (step, null, unfinished);
        }

        var response = run["response"];
        return (step, response, IsGraphQlAnswer(response) ? null : NotGraphQl(step));
    }

    private async Task<(JsonObject Run, bool Ended)> ExecuteAndWaitAsync(string action, JsonObject properties, CancellationToken cancellationToken)
    {
        var run = await port.ExecuteAsync(action, properties, cancellationToken).ConfigureAwait(false);
        return Ended(run) || Held(run) ? (run, Ended(run)) : await WaitAsync(action, RunId(run), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the run until it ends, Port holds it for an approval, or the timeout passes.</summary>
    private async Task<(JsonObject Run, bool Ended)> WaitAsync(string action, string runId, CancellationToken cancellationToken)
    {
        JsonObject run = [];
        var ended = await PollAsync(
            async () =>
            {
                run = await port.GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
                return Ended(run) || Held(run);
            },
            elapsed => $"  waiting for {action} run {runId}: {Status(run)} after {Seconds(elapsed)} (timeout {Seconds(options.Timeout)})",
            cancellationToken).ConfigureAwait(false);
        return (run, ended && Ended(run));
    }

    /// <summary>The automation's first run that was not there before the refresh, or null when none appears in time.</summary>
    private async Task<JsonObject?> WaitForNewRunAsync(string action, HashSet<string> earlierRuns, CancellationToken cancellationToken)
    {
        JsonObject? found = null;
        await PollAsync(
            async () =>
            {
                var runs = await port.ListRunsAsync(action, cancellationToken).ConfigureAwait(false);
                // Port lists newest first; the oldest new one is the one the refresh caused.
                found = runs.LastOrDefault(r => !earlierRuns.Contains(RunId(r)));
                return found is not null;
            },
            elapsed => $"  waiting for a run of {action}: none yet after {Seconds(elapsed)} (timeout {Seconds(options.Timeout)})",
            cancellationToken).ConfigureAwait(false);
        return found;
    }

    private Task<bool> PollAsync(Func<Task<bool>> read, Func<TimeSpan, string> progressLine, CancellationToken cancellationToken)
        => new BoundedPoll(options, time, progress).UntilAsync(read, progressLine, cancellationToken);

    private async Task<string?> LastLogAsync(string runId, CancellationToken cancellationToken)
    {
        var logs = await port.GetLogsAsync(runId, cancellationToken).ConfigureAwait(false);
        return logs.Count == 0 ? null : scrubber.MaskText(logs[^1]);
    }

    private VerifyStep Describe(string name, string action, JsonObject run)
    {
        var id = RunId(run);
        return new VerifyStep(name, action, VerifyStepStatus.Failed, "")
        {
            RunId = id,
            RunStatus = Status(run),
            RunUrl = port.RunUrl(id),
        };
    }

    /// <summary>The verdict for a run that timed out or that Port marked failed; null when it is SUCCESS.</summary>
    private VerifyStep? Unfinished(VerifyStep step, JsonObject run, bool ended)
    {
        if (!ended)
        {
            return Fail(step, VerifyLink.Webhook, $"run {step.RunId} is still {step.RunStatus} after {Seconds(options.Timeout)}: the webhook never answered");
        }

        if (step.RunStatus == "SUCCESS")
        {
            return null;
        }

        var why = JsonWire.String(run["summary"]) ?? JsonWire.String(run["statusLabel"]) ?? "no reason given";
        return Fail(step, VerifyLink.Webhook, $"run {step.RunId} {step.RunStatus}: {scrubber.MaskText(why)}");
    }

    private static VerifyStep NotGraphQl(VerifyStep step) => Fail(step, VerifyLink.Webhook,
        $"Port marked run {step.RunId} SUCCESS, but the webhook's answer is not a GraphQL answer: check that the action's URL is Spacelift's /graphql (`preview --diff` shows an edit)");

    private static VerifyStep Fail(VerifyStep step, VerifyLink link, string message)
        => step with { Status = VerifyStepStatus.Failed, BrokenLink = link, Message = message };

    private static bool Ended(JsonObject run) => Status(run) is "SUCCESS" or "FAILURE" or "DECLINED";

    /// <summary>The action requires approval and nobody has approved (or declined) the run yet.</summary>
    private static bool Held(JsonObject run) => Status(run) == WaitingForApproval;

    private static string Status(JsonObject run) => JsonWire.String(run["status"]) ?? "UNKNOWN";

    private static string RunId(JsonObject run) => JsonWire.String(run["id"]) ?? "";

    /// <summary>A GraphQL answer is an object with <c>data</c> or <c>errors</c>; anything else came from elsewhere.</summary>
    private static bool IsGraphQlAnswer(JsonNode? response) => response is JsonObject o && (o.ContainsKey("data") || o.ContainsKey("errors"));

    private static bool HasErrors(JsonNode? response) => response?["errors"] is JsonArray { Count: > 0 };

    /// <summary>Spacelift's error messages, one line, masked; or "no data" when it sent none.</summary>
    private string Errors(JsonNode? response)
    {
        var messages = response?["errors"] is JsonArray errors
            ? errors.Select(e => e is JsonObject o ? JsonWire.String(o["message"]) : e?.GetValueKind() == JsonValueKind.String ? e.GetValue<string>() : null).OfType<string>().ToList()
            : [];
        return messages.Count == 0 ? "no data" : "errors: " + scrubber.MaskText(string.Join("; ", messages).ReplaceLineEndings(" "));
    }

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} s");
}

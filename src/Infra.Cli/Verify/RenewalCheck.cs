using System.Globalization;
using System.Text.Json.Nodes;
using Infra.Cli.Http;
using Infra.Sdk;

namespace Infra.Cli.Verify;

/// <summary>
/// The self-renewing token's proof: the loop must be running (its automation there and enabled, its lease
/// neither FAILED nor with a timer that is empty or past), and a renewal must renew. When the lease's
/// timer is due within half the timeout, the check waits for it; otherwise it moves the timer to a few
/// seconds ahead of Port's own clock (read from the <c>updatedAt</c> Port stamps on a write of the timer's
/// own value). Then Port must run the renewal, the run must bring a token, the token secret must be
/// rewritten and the timer set again past the one that fired. A timer that never fired is put back.
/// Every failure is <see cref="VerifyLink.Renewal"/>, with what broke.
/// </summary>
internal sealed class RenewalCheck(PortActionRuns port, RenewalTarget target, string tokenSecret, VerifyOptions options, BoundedPoll poll, SecretMasker scrubber)
{
    public const string StepName = "renewal";

    /// <summary>How far ahead of Port's clock a forced renewal's timer is set (a quarter of a shorter timeout): Port publishes no latency for its timers.</summary>
    public static readonly TimeSpan Lead = TimeSpan.FromSeconds(5);

    public async Task<VerifyStep> RunAsync(CancellationToken cancellationToken)
    {
        var step = new VerifyStep(StepName, target.Renew, VerifyStepStatus.Failed, "");
        var automation = await port.GetActionAsync(target.Renew, cancellationToken).ConfigureAwait(false);
        if (automation is null)
        {
            return Fail(step, $"{target.Renew} is not in Port (deleted?): nothing renews {tokenSecret} when the lease's timer expires; `up` restores it");
        }

        if (JsonWire.Boolean(automation["publish"]) == false)
        {
            return Fail(step, $"{target.Renew} is disabled in Port (publish: false): nothing renews {tokenSecret}; `up` restores it");
        }

        var lease = await port.GetEntityAsync(target.Blueprint, target.Lease, cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            return Fail(step, $"the lease '{target.Lease}' is not in '{target.Blueprint}': no timer renews {tokenSecret}; `up` creates it");
        }

        var earlier = await port.ListRunsAsync(target.Renew, cancellationToken).ConfigureAwait(false);
        if (Property(lease, target.Status) == VerifyOutputs.TokenLeaseFailed)
        {
            step = earlier.Count > 0 ? Describe(step, earlier[0]) : step;
            return Fail(step,
                $"the loop has stopped: its last renewal failed ({scrubber.MaskText(Property(lease, target.Error) ?? "no reason recorded")}; lease updated {JsonWire.String(lease["updatedAt"]) ?? "at an unknown time"}), "
                + $"so nothing renews {tokenSecret} until `up` starts it again; fix the cause first (a refused key: spacelift:apiKeyId / spacelift:apiKeySecret)");
        }

        var timerText = Property(lease, target.Timer);
        if (Time(timerText) is not { } renewAt)
        {
            return Fail(step, $"the loop has stopped: the lease's timer ({target.Timer}) is empty, so nothing renews {tokenSecret}; `up` sets it again");
        }

        // Port's clock, which runs the timer: the time Port stamps on a write that changes nothing.
        var touched = await port.PatchEntityPropertiesAsync(target.Blueprint, target.Lease, new JsonObject { [target.Timer] = timerText }, cancellationToken).ConfigureAwait(false);
        var portNow = Time(JsonWire.String(touched["updatedAt"])) ?? DateTimeOffset.UtcNow;
        if (renewAt <= portNow)
        {
            return Fail(step, $"the loop has stopped: the lease's timer ({target.Timer} {Format(renewAt)}) is past on Port's clock ({Format(portNow)}) and was not set again; `up` sets it again");
        }

        var tokenBefore = JsonWire.String((await port.GetSecretAsync(tokenSecret, cancellationToken).ConfigureAwait(false))?["updatedAt"]);
        var earlierIds = earlier.Select(RunId).ToHashSet(StringComparer.Ordinal);
        var forced = renewAt - portNow > options.Timeout / 2;
        var due = forced ? portNow + (options.Timeout / 4 < Lead ? options.Timeout / 4 : Lead) : renewAt;
        if (forced)
        {
            await port.PatchEntityPropertiesAsync(target.Blueprint, target.Lease, new JsonObject { [target.Timer] = Format(due) }, cancellationToken).ConfigureAwait(false);
        }

        var how = forced ? $"timer brought forward from {Format(renewAt)} to {Format(due)}" : $"its timer {Format(renewAt)} came due";
        var run = await WaitForRenewalAsync(earlierIds, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            var back = forced ? await PutBackAsync(due, timerText!, cancellationToken).ConfigureAwait(false) : "";
            return Fail(step, $"{how}, but no run of {target.Renew} started within {Seconds(options.Timeout)}: Port did not fire the timer{back}");
        }

        step = Describe(step, run);
        step = step with { LastLog = await LastLogAsync(step.RunId!, cancellationToken).ConfigureAwait(false) };
        if (!Ended(run))
        {
            return Fail(step, $"{how}; run {step.RunId} is still {step.RunStatus} after {Seconds(options.Timeout)}: the renewal's webhook never answered");
        }

        var response = run["response"];
        var jwt = JsonWire.String(response?["data"]?["apiKeyUser"]?["jwt"]);
        scrubber.Add(jwt);
        if (step.RunStatus != "SUCCESS")
        {
            var why = JsonWire.String(run["summary"]) ?? JsonWire.String(run["statusLabel"]) ?? "no reason given";
            return Fail(step, $"{how}; run {step.RunId} {step.RunStatus}: {scrubber.MaskText(why)}: the renewal failed and the loop has stopped (the lease says so)");
        }

        if (string.IsNullOrEmpty(jwt))
        {
            return Fail(step, $"{how}; Port marked run {step.RunId} SUCCESS, but Spacelift gave no token ({Errors(response)}): the loop has stopped (the lease says so); check the key secrets in Port");
        }

        var (tokenAfter, next) = await WaitForStoreAndRearmAsync(tokenBefore, due, cancellationToken).ConfigureAwait(false);
        if (tokenAfter is null || tokenAfter == tokenBefore)
        {
            return Fail(step, $"{how}; run {step.RunId} brought a token, but {tokenSecret} was not rewritten within {Seconds(options.Timeout)} (the automation on {target.Renew}'s run that stores it; `preview --diff` shows an edit)");
        }

        if (next is not { } nextAt || nextAt <= due)
        {
            return Fail(step, $"{how}; {tokenSecret} was rewritten at {tokenAfter}, but the timer was not set again ({target.Timer} {(next is null ? "empty" : Format(next.Value))}): the loop stops here (the automation on {target.Renew}'s run that sets it; `preview --diff` shows an edit)");
        }

        return step with
        {
            Status = VerifyStepStatus.Passed,
            TokenUpdatedAt = tokenAfter,
            Message = $"run {step.RunId} SUCCESS ({how}): {tokenSecret} rewritten at {tokenAfter}, next renewal at {Format(nextAt)}",
        };
    }

    /// <summary>The first run of the renewal automation that was not there before, once it ended; null when none started in time.</summary>
    private async Task<JsonObject?> WaitForRenewalAsync(HashSet<string> earlier, CancellationToken cancellationToken)
    {
        JsonObject? run = null;
        await poll.UntilAsync(
            async () =>
            {
                var runs = await port.ListRunsAsync(target.Renew, cancellationToken).ConfigureAwait(false);
                run = runs.LastOrDefault(r => !earlier.Contains(RunId(r)));
                return run is not null && Ended(run);
            },
            elapsed => run is null
                ? $"  waiting for {target.Renew} to run: none yet after {Seconds(elapsed)} (timeout {Seconds(options.Timeout)})"
                : $"  waiting for {target.Renew} run {RunId(run)}: {Status(run)} after {Seconds(elapsed)} (timeout {Seconds(options.Timeout)})",
            cancellationToken).ConfigureAwait(false);
        return run;
    }

    /// <summary>The token secret's <c>updatedAt</c> and the lease's timer once both moved (or as they are at the timeout).</summary>
    private async Task<(string? TokenUpdatedAt, DateTimeOffset? Timer)> WaitForStoreAndRearmAsync(string? tokenBefore, DateTimeOffset fired, CancellationToken cancellationToken)
    {
        string? tokenAfter = null;
        DateTimeOffset? next = null;
        await poll.UntilAsync(
            async () =>
            {
                tokenAfter = JsonWire.String((await port.GetSecretAsync(tokenSecret, cancellationToken).ConfigureAwait(false))?["updatedAt"]);
                var lease = await port.GetEntityAsync(target.Blueprint, target.Lease, cancellationToken).ConfigureAwait(false);
                next = Time(Property(lease, target.Timer));
                return tokenAfter is not null && tokenAfter != tokenBefore && next > fired;
            },
            elapsed => $"  waiting for {tokenSecret} to be rewritten and the timer set again after {Seconds(elapsed)} (timeout {Seconds(options.Timeout)})",
            cancellationToken).ConfigureAwait(false);
        return (tokenAfter, next);
    }

    /// <summary>Sets back a moved timer that never fired, unless something set it since; says what it did.</summary>
    private async Task<string> PutBackAsync(DateTimeOffset moved, string original, CancellationToken cancellationToken)
    {
        var lease = await port.GetEntityAsync(target.Blueprint, target.Lease, cancellationToken).ConfigureAwait(false);
        // The timer was written to the second, and Port may echo it in another ISO 8601 spelling.
        if (Time(Property(lease, target.Timer)) != Time(Format(moved)))
        {
            return "";
        }

        await port.PatchEntityPropertiesAsync(target.Blueprint, target.Lease, new JsonObject { [target.Timer] = original }, cancellationToken).ConfigureAwait(false);
        return $" (Port publishes no latency for timers); the timer is back at {original}";
    }

    private async Task<string?> LastLogAsync(string runId, CancellationToken cancellationToken)
    {
        var logs = await port.GetLogsAsync(runId, cancellationToken).ConfigureAwait(false);
        return logs.Count == 0 ? null : scrubber.MaskText(logs[^1]);
    }

    private VerifyStep Describe(VerifyStep step, JsonObject run)
    {
        var id = RunId(run);
        return step with { RunId = id, RunStatus = Status(run), RunUrl = port.RunUrl(id) };
    }

    private string Errors(JsonNode? response)
    {
        var messages = response?["errors"] is JsonArray errors
            ? errors.Select(e => JsonWire.String(e?["message"])).OfType<string>().ToList()
            : [];
        return messages.Count == 0 ? "no data" : "errors: " + scrubber.MaskText(string.Join("; ", messages).ReplaceLineEndings(" "));
    }

    private static VerifyStep Fail(VerifyStep step, string message)
        => step with { Status = VerifyStepStatus.Failed, BrokenLink = VerifyLink.Renewal, Message = message };

    private static string? Property(JsonObject? entity, string name) => JsonWire.String(entity?["properties"]?[name]) is { Length: > 0 } text ? text : null;

    private static DateTimeOffset? Time(string? text)
        => text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    /// <summary>As the program writes the timer: ISO 8601, UTC, to the second.</summary>
    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString(SecretRecord.TimeFormat, CultureInfo.InvariantCulture);

    private static bool Ended(JsonObject run) => Status(run) is "SUCCESS" or "FAILURE" or "DECLINED";

    private static string Status(JsonObject run) => JsonWire.String(run["status"]) ?? "UNKNOWN";

    private static string RunId(JsonObject run) => JsonWire.String(run["id"]) ?? "";

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} s");
}

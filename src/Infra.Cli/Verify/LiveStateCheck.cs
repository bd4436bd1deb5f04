using System.Text.Json.Nodes;
using Infra.Cli.Http;
using Infra.Sdk;

namespace Infra.Cli.Verify;

/// <summary>
/// The last link with live updates on: after <c>--trigger</c> started a Spacelift run, the stack's entity
/// must follow it without an <c>up</c>. Done when Port's audit log shows an event of the webhook applied
/// since the trigger and the entity's state is a final run state. Otherwise the audit log names the
/// broken link: nothing arrived, Port refused the signature, or the mapping applied nothing. The audit
/// log is read before the entity on each poll, so an applied event is already in the entity read after it.
/// </summary>
internal sealed class LiveStateCheck(PortActionRuns port, LiveStateTarget target, BoundedPoll poll, SecretMasker scrubber)
{
    public const string StepName = "live-state";

    /// <summary>Spacelift's final run states (run README): the entity's state stops changing at one of these.</summary>
    private static readonly HashSet<string> Final = new(["FINISHED", "FAILED", "CANCELED", "DISCARDED", "STOPPED", "SKIPPED"], StringComparer.Ordinal);

    public async Task<VerifyStep> RunAsync(string stackId, string triggerRunId, CancellationToken cancellationToken)
    {
        var step = new VerifyStep(StepName, target.Webhook, VerifyStepStatus.Failed, "");
        // Port's own clock: the trigger's run as Port recorded it.
        var since = JsonWire.String((await port.GetRunAsync(triggerRunId, cancellationToken).ConfigureAwait(false))["createdAt"]);
        IReadOnlyList<JsonObject> audit = [];
        string? state = null;
        var entityFound = true;
        var done = await poll.UntilAsync(
            async () =>
            {
                audit = await port.GetWebhookAuditAsync(target.Webhook, since, cancellationToken).ConfigureAwait(false);
                var entity = await port.GetEntityAsync(target.Blueprint, stackId, cancellationToken).ConfigureAwait(false);
                entityFound = entity is not null;
                state = JsonWire.String(entity?["properties"]?["state"]);
                return entityFound && audit.Any(IsSuccess) && state is not null && Final.Contains(state);
            },
            elapsed => $"  waiting for entity '{stackId}' to follow the run: state {state ?? "none"}, {audit.Count(IsSuccess)} events applied after {elapsed.TotalSeconds:0.#} s",
            cancellationToken).ConfigureAwait(false);
        if (done)
        {
            return step with { Status = VerifyStepStatus.Passed, Message = $"entity '{stackId}' followed the run to {state} ({audit.Count(IsSuccess)} events applied by {target.Webhook}, no up)" };
        }

        var failures = audit.Where(e => !IsSuccess(e)).Select(e => scrubber.MaskText(JsonWire.String(e["message"]) ?? "no message")).ToList();
        if (!entityFound)
        {
            return Fail(step, VerifyLink.LiveMapping, $"entity '{stackId}' is not in '{target.Blueprint}': the webhook updates existing entities only (run `up`)");
        }

        if (failures.Any(m => m.Contains("signature", StringComparison.OrdinalIgnoreCase)))
        {
            return Fail(step, VerifyLink.LiveSignature,
                $"Port refused {failures.Count} events of {target.Webhook} ({failures[0]}): the secrets at the two ends differ; `up` mints a new one for both");
        }

        if (failures.Count > 0)
        {
            return Fail(step, VerifyLink.LiveMapping,
                $"events reached {target.Webhook} but its mapping applied none to '{stackId}' ({failures[0]}): the entity is missing, or the run was not tracked");
        }

        if (audit.Count == 0)
        {
            return Fail(step, VerifyLink.LiveNoDelivery,
                $"no event reached {target.Webhook} since the trigger: check the Spacelift notification policy, that the named webhook is enabled, and that its endpoint is the Port webhook's url (`preview` shows drift)");
        }

        return Fail(step, VerifyLink.LiveNoDelivery,
            $"{audit.Count} events reached {target.Webhook}, but entity '{stackId}' is still {state ?? "without a state"}: the run's final event did not arrive in time");
    }

    private static bool IsSuccess(JsonObject entry) => JsonWire.String(entry["status"]) == "SUCCESS";

    private static VerifyStep Fail(VerifyStep step, VerifyLink link, string message)
        => step with { Status = VerifyStepStatus.Failed, BrokenLink = link, Message = message };
}

using System.Text.Json.Nodes;
using Infra.Cli.Engine.Contract;
using Infra.Cli.Engine.Planning;
using Infra.Cli.Http;
using Infra.Sdk;
using Infra.Sdk.Declarations;
using Infra.Cli.Spacelift;

namespace Infra.Cli.Engine.Apply;

/// <summary>
/// Writing the live-update resources: Spacelift kinds through the Spacelift client, the shared webhook
/// secret minted once per run (the same value for both ends) and recorded by fingerprint, and the
/// named webhook's endpoint filled in with the Port webhook's url once that exists.
/// </summary>
internal sealed partial class PlanExecution
{
    private Secret? _minted;
    private string? _ingestUrl;
    private ResourceAddress? _brokenLink;

    /// <summary>A live-update step after one that failed is skipped: half a loop (or two secrets) is worse than none.</summary>
    private string? SkipReason(ResourceChange change) =>
        _brokenLink is { } broken && change.Kind != ChangeKind.Delete && LiveUpdateSecrets.IsLiveUpdateKind(change.Address.Kind)
            ? $"{broken} was not applied"
            : null;

    private void NoteFailure(ResourceChange change)
    {
        if (change.Kind != ChangeKind.Delete && LiveUpdateSecrets.IsLiveUpdateKind(change.Address.Kind))
        {
            _brokenLink ??= change.Address;
        }
    }

    /// <summary>The body to send and the secret that goes with it (null: leave the one there is).</summary>
    private (JsonObject Body, Secret? Value) SharedSecretBody(StepIntent intent)
    {
        var kind = intent.Desired!.Address.Kind;
        var shared = intent.SharedSecret!;
        Secret? value;
        string fingerprint;
        if (shared.Mint)
        {
            if (_minted is null)
            {
                _minted = LiveUpdateSecrets.Mint();
                context.Masker.Add(_minted.Reveal());
            }

            value = _minted;
            fingerprint = LiveUpdateSecrets.Fingerprint(context.FingerprintKey, _minted);
        }
        else
        {
            value = shared.Kept;
            fingerprint = shared.Fingerprint!;
        }

        return (LiveUpdateSecrets.WithFingerprint(kind, intent.Desired.Body, fingerprint), value);
    }

    private async Task WritePortWebhookAsync(ResourceChange change, StepIntent intent, CancellationToken cancellationToken)
    {
        var (kind, id) = (change.Address.Kind, change.Address.Id);
        var (body, value) = SharedSecretBody(intent);
        // A PUT replaces the whole body: a kept secret is sent again, or Port would drop it.
        var sent = value is null ? body : LiveUpdateSecrets.WithValue(kind, body, value);
        if (change.Kind == ChangeKind.Create)
        {
            await context.Port.CreateAsync(kind, sent, null, cancellationToken);
        }
        else
        {
            await context.Port.UpdateAsync(kind, id, sent, null, cancellationToken);
        }

        // Port makes the ingest url up; the named webhook posts to it.
        var written = await context.Port.GetAsync(kind, id, cancellationToken);
        _ingestUrl = JsonWire.String(written?["url"]);
    }

    private async Task WriteSpaceliftAsync(ResourceChange change, StepIntent? intent, CancellationToken cancellationToken)
    {
        var spacelift = context.Spacelift;
        var (kind, id) = (change.Address.Kind, change.Address.Id);
        if (change.Kind == ChangeKind.Delete)
        {
            await spacelift.DeleteResourceAsync(kind, id, cancellationToken);
            return;
        }

        var (body, value) = intent!.SharedSecret is null ? (intent.Desired!.Body, null) : SharedSecretBody(intent);
        if (JsonWire.String(body["endpoint"]) == LiveUpdates.PendingIngestUrl)
        {
            var url = _ingestUrl ?? throw new SpaceliftException($"{change.Address}: the Port webhook's url is not known, so the endpoint cannot be set");
            body = body.DeepClone().AsObject();
            body["endpoint"] = url;
        }

        if (change.Kind == ChangeKind.Create)
        {
            var created = await spacelift.CreateResourceAsync(kind, body, value, cancellationToken);
            if (!string.Equals(created, id, StringComparison.Ordinal))
            {
                Diagnostics.Add(new Diagnostic(Severity.Warning, $"Spacelift gave {change.Address} the id '{created}', not '{id}': the next run will not find it by name", change.Address));
            }
        }
        else
        {
            await spacelift.UpdateResourceAsync(kind, id, body, value, cancellationToken);
        }
    }
}

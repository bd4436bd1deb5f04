using System.Text.Json.Nodes;
using Infra.Cli.Engine.Apply;
using Infra.Cli.Engine.Contract;
using Infra.Cli.Engine.State;
using Infra.Sdk;
using Infra.Sdk.Declarations;

namespace Infra.Cli.Engine.Planning;

/// <summary>
/// The live-update resources' part of planning: never on doubt (a Spacelift read that failed holds the
/// whole loop back), and the shared webhook secret (kept while both ends record the same fingerprint,
/// minted otherwise; see <see cref="LiveUpdateSecrets"/>).
/// </summary>
internal sealed partial class Planner
{
    private bool _liveUpdatesHeld;
    private bool _mintShared;
    private string? _keptFingerprint;
    private string? _sharedReason;

    /// <summary>
    /// Spacelift could not be read: nothing of the loop (Port webhook, named webhook, policy) is
    /// created, updated or deleted, since an absent Spacelift resource would be a guess, and half a
    /// loop must never be declared. The error makes the run exit 1.
    /// </summary>
    private void HoldLiveUpdatesOnDoubt(Declaration declaration, LiveSnapshot live, StackState state)
    {
        if (live.SpaceliftFailure is null)
        {
            return;
        }

        var affected = declaration.State.Resources.Select(r => r.Address).Concat(state.Managed.Select(m => m.Address))
            .Any(a => LiveUpdateSecrets.IsLiveUpdateKind(a.Kind));
        if (!affected)
        {
            return;
        }

        _liveUpdatesHeld = true;
        _diagnostics.Add(new Diagnostic(
            Severity.Error,
            $"reading Spacelift's live-update resources failed ({masker.MaskText(live.SpaceliftFailure)}); the Port webhook, the Spacelift named webhook and the notification policy are not created, updated or deleted this run"));
    }

    private bool Held(ResourceAddress address) => _liveUpdatesHeld && LiveUpdateSecrets.IsLiveUpdateKind(address.Kind);

    /// <summary>Keep the shared secret only if every end exists, records a fingerprint, and all agree (Port's copy included).</summary>
    private void DecideSharedSecret(Declaration declaration, LiveSnapshot live)
    {
        string? common = null;
        string? reason = null;
        foreach (var end in declaration.State.Resources.Where(r => r.Address.Kind.SharedSecret is not null))
        {
            var kind = end.Address.Kind;
            var body = live.Resources.GetValueOrDefault(end.Address);
            var recorded = LiveUpdateSecrets.Recorded(kind, body);
            var readBack = LiveUpdateSecrets.ReadBack(kind, body);
            reason = body is null ? $"{end.Address} does not exist"
                : recorded is null ? $"{end.Address} records no fingerprint of the webhook secret"
                : kind.SharedSecret!.ReadBack && (readBack is null || LiveUpdateSecrets.Fingerprint(settings.FingerprintKey, readBack) != recorded)
                    ? $"the webhook secret in {end.Address} does not match its fingerprint"
                : common is not null && common != recorded ? "the webhook secret's fingerprints at the two ends differ"
                : null;
            if (reason is not null)
            {
                break;
            }

            common = recorded;
        }

        _mintShared = reason is not null;
        _keptFingerprint = _mintShared ? null : common;
        _sharedReason = reason is null ? null : reason + ": a new webhook secret is minted and written to both ends";
    }

    private void PlanSharedSecret(DesiredResource resource, JsonObject? current)
    {
        var kind = resource.Address.Kind;
        var desired = LiveUpdateSecrets.WithFingerprint(kind, resource.Body, _keptFingerprint ?? LiveUpdateSecrets.UnknownFingerprint);
        var shown = _mintShared ? LiveUpdateSecrets.WithValue(kind, desired, new Secret(Secret.Mask)) : desired;
        var intent = new StepIntent(resource, SharedSecret: new SharedSecretIntent(_mintShared, _mintShared ? null : LiveUpdateSecrets.ReadBack(kind, current), _keptFingerprint));
        if (current is null)
        {
            Add(new ResourceChange(resource.Address, ChangeKind.Create, [], null, shown, _sharedReason), intent);
            return;
        }

        var old = LiveUpdateSecrets.WithoutValue(kind, JsonBodies.Normalize(kind, current, desired));
        var diffs = JsonBodies.Diff(old, desired).ToList();
        if (_mintShared)
        {
            diffs.Add(new PropertyDiff(string.Join('.', kind.SharedSecret!.Path), DiffKind.Update, Secret.Mask, Secret.Mask));
        }

        Add(new ResourceChange(resource.Address, diffs.Count == 0 ? ChangeKind.Same : ChangeKind.Update, diffs, old, shown, _sharedReason), intent);
    }
}

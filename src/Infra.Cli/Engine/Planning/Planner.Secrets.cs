using System.Text.Json.Nodes;
using Infra.Cli.Decisions;
using Infra.Cli.Engine.Apply;
using Infra.Cli.Engine.Contract;
using Infra.Cli.Http;
using Infra.Sdk;

namespace Infra.Cli.Engine.Planning;

/// <summary>
/// Write-only values: a given secret is written when its fingerprint in Port differs, a minted one when
/// <see cref="SecretRenewal"/> says so, and a group's shared secret as <see cref="SharedSecrets"/> decides.
/// Plans show the value as <c>[secret]</c>, never more.
/// </summary>
internal sealed partial class Planner
{
    private void PlanGivenSecret(DesiredResource resource, SecretValue.Given given, JsonObject? current)
    {
        var name = resource.Address.Id;
        var description = GivenSecrets.Described(DescriptionOf(resource.Body)!, settings.FingerprintKey, name, given.Secret);
        var next = SecretBody(name, description, withValue: true);
        if (current is null)
        {
            Add(new ResourceChange(resource.Address, ChangeKind.Create, [], null, next), new StepIntent(resource));
            return;
        }

        var liveDescription = DescriptionOf(current);
        var diffs = new List<PropertyDiff>(2);
        string? reason = null;
        if (GivenSecrets.ValueChanges(liveDescription, settings.FingerprintKey, name, given.Secret))
        {
            diffs.Add(new PropertyDiff("secretValue", DiffKind.Update, Secret.Mask, Secret.Mask));
            reason = SecretRecord.ReadFingerprint(liveDescription) is null
                ? "no fingerprint of the value in Port: the value is written"
                : "the value's fingerprint differs: the value is written";
        }

        if (liveDescription != description)
        {
            diffs.Add(new PropertyDiff("description", DiffKind.Update, liveDescription, description));
        }

        Add(new ResourceChange(resource.Address, diffs.Count == 0 ? ChangeKind.Same : ChangeKind.Update, diffs, SecretBody(name, liveDescription, withValue: false), next, reason), new StepIntent(resource));
    }

    private void PlanMintedSecret(DesiredResource resource, SecretValue.Minted minted, JsonObject? current, ResourceGraph graph, LiveSnapshot live)
    {
        var name = resource.Address.Id;
        var liveDescription = DescriptionOf(current);
        var old = current is null ? null : SecretBody(name, liveDescription, withValue: false);
        var reason = SecretRenewal.Reason(liveDescription, current is not null, ChangedSources(minted, graph, live), now, minted.RenewWithin)
            ?? ownership.Reason(resource.Address);
        if (reason is null)
        {
            Add(new ResourceChange(resource.Address, ChangeKind.Same, [], old, old?.DeepClone().AsObject()), new StepIntent(resource));
            return;
        }

        // The new expiry is the issuer's to say, at apply time.
        var description = DescriptionOf(resource.Body)! + OwnerMark.Separator + SecretRecord.ValidUntilPrefix + "[unknown]";
        var next = SecretBody(name, description, withValue: true);
        var intent = new StepIntent(resource) { Mint = true };
        if (current is null)
        {
            Add(new ResourceChange(resource.Address, ChangeKind.Create, [], null, next, reason), intent);
            return;
        }

        PropertyDiff[] diffs =
        [
            new("secretValue", DiffKind.Update, Secret.Mask, Secret.Mask),
            new("description", DiffKind.Update, liveDescription, description),
        ];
        Add(new ResourceChange(resource.Address, ChangeKind.Update, diffs, old, next, reason), intent);
    }

    /// <summary>The given secrets a minted value is minted from whose value changes this run (a description change does not count).</summary>
    private List<string> ChangedSources(SecretValue.Minted minted, ResourceGraph graph, LiveSnapshot live)
        => [.. graph.Resources
            .Where(r => minted.RenewedWith.Contains(r.Address) && r.Value is SecretValue.Given)
            .Where(r => live.Resources.TryGetValue(r.Address, out var body)
                && GivenSecrets.ValueChanges(DescriptionOf(body), settings.FingerprintKey, r.Address.Id, ((SecretValue.Given)r.Value!).Secret))
            .Select(r => r.Address.Id)];

    /// <summary>Each group's shared secret this run, decided from its declared ends as they are live (held groups are not planned).</summary>
    private Dictionary<string, SharedSecretDecision> DecideSharedSecrets(ResourceGraph graph, LiveSnapshot live)
        => graph.Resources
            .Where(r => r.Address.Kind.SharedSecret is not null && r.Group is not null && !holds.IsHeld(r.Address))
            .GroupBy(r => r.Group!, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => SharedSecrets.Decide(g.Key, g.Select(r => (r.Address, r.Body, live.Resources.GetValueOrDefault(r.Address)))),
                StringComparer.Ordinal);

    private void PlanSharedSecret(DesiredResource resource, JsonObject? current, string group, SharedSecretDecision decision)
    {
        var kind = resource.Address.Kind;
        var field = kind.SharedSecret!;
        var desired = SharedSecrets.WithFingerprint(kind, resource.Body, decision.KeptFingerprint ?? SharedSecrets.UnknownFingerprint);
        var shown = decision.Generate ? field.With(desired, new Secret(Secret.Mask)) : desired;
        var intent = new StepIntent(resource)
        {
            SharedSecret = new SharedSecretIntent(group, decision.Generate, decision.KeptFingerprint),
        };
        if (current is null)
        {
            Add(new ResourceChange(resource.Address, ChangeKind.Create, [], null, shown, decision.Reason), intent);
            return;
        }

        var old = SharedSecrets.WithoutValue(kind, JsonBodies.Normalize(kind, current, desired));
        var diffs = JsonBodies.Diff(old, desired).ToList();
        if (decision.Generate)
        {
            diffs.Add(new PropertyDiff(string.Join('.', field.Path), DiffKind.Update, Secret.Mask, Secret.Mask));
        }

        Add(new ResourceChange(resource.Address, diffs.Count == 0 ? ChangeKind.Same : ChangeKind.Update, diffs, old, shown, decision.Reason), intent);
    }

    private static JsonObject SecretBody(string name, string? description, bool withValue)
    {
        var body = new JsonObject { ["secretName"] = name, ["description"] = description };
        if (withValue)
        {
            body["secretValue"] = Secret.Mask;
        }

        return body;
    }

    private static string? DescriptionOf(JsonObject? body) => JsonWire.String(body?["description"]);
}

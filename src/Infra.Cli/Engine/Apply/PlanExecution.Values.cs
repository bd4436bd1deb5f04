using System.Text.Json.Nodes;
using Infra.Cli.Decisions;
using Infra.Cli.Engine.Contract;
using Infra.Cli.Http;
using Infra.Cli.Providers;
using Infra.Sdk;

namespace Infra.Cli.Engine.Apply;

/// <summary>
/// What a resource's write carries beyond its declared body: a secret's value (given, or minted now with
/// its expiry recorded), a group's shared secret (generated once per group and run, recorded by
/// fingerprint at every end), and references to other resources' outputs, read back once those are written.
/// A step of a group after one that failed is skipped: half a group is worse than none.
/// </summary>
internal sealed partial class PlanExecution
{
    private readonly Dictionary<string, Secret> _generated = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ResourceAddress> _brokenGroups = new(StringComparer.Ordinal);
    private readonly Dictionary<ResourceAddress, JsonObject> _outputs = [];

    // The expiries of the values minted in this run, which fields of later resources are set from.
    private readonly Dictionary<ResourceAddress, DateTimeOffset> _minted = [];

    private string? SkipReason(ResourceChange change)
        => change.Kind != ChangeKind.Delete && Intent(change).Desired?.Group is { } group && _brokenGroups.TryGetValue(group, out var broken)
            ? $"{broken} was not applied"
            : null;

    private void NoteFailure(ResourceChange change, StepIntent intent)
    {
        if (change.Kind != ChangeKind.Delete && intent.Desired?.Group is { } group)
        {
            _brokenGroups.TryAdd(group, change.Address);
        }
    }

    /// <summary>The body to send and the write-only value that goes with it (null: leave the one there is).</summary>
    private async Task<(JsonObject Body, Secret? Value)> ValueAsync(ResourceChange change, StepIntent intent, CancellationToken cancellationToken)
    {
        var desired = intent.Desired!;
        if (intent.SharedSecret is { } shared)
        {
            return SharedSecretBody(desired, shared);
        }

        var description = JsonWire.String(desired.Body["description"]);
        switch (desired.Value)
        {
            case SecretValue.Given given:
                return (SecretWrite(change, GivenSecrets.Described(description!, context.FingerprintKey, change.Address.Id, given.Secret)), given.Secret);
            case SecretValue.Minted minted when intent.Mint:
                var value = await minted.Minter.MintAsync(cancellationToken);
                context.Masker.Add(value.Value.Reveal());
                _minted[change.Address] = value.ValidUntil;
                return (SecretWrite(change, SecretRecord.WithValidUntil(description!, value.ValidUntil)), value.Value);
            default:
                return (desired.Body, null);
        }
    }

    /// <summary>A secret's metadata as it is written: its name and the description that records what the next plan needs.</summary>
    private static JsonObject SecretWrite(ResourceChange change, string description)
        => new() { [change.Address.Kind.IdentifierField] = change.Address.Id, ["description"] = description };

    private (JsonObject Body, Secret? Value) SharedSecretBody(DesiredResource desired, SharedSecretIntent shared)
    {
        if (!shared.Generate)
        {
            // Without a value the provider leaves the secret as its service has it.
            return (SharedSecrets.WithFingerprint(desired.Address.Kind, desired.Body, shared.Fingerprint!), null);
        }

        if (!_generated.TryGetValue(shared.Group, out var value))
        {
            value = SharedSecrets.Generate();
            context.Masker.Add(value.Reveal());
            _generated[shared.Group] = value;
        }

        return (SharedSecrets.WithFingerprint(desired.Address.Kind, desired.Body, SharedSecrets.Fingerprint(context.FingerprintKey, shared.Group, value)), value);
    }

    /// <summary>References to outputs this run wrote are filled in from what was read back.</summary>
    private JsonObject WithReferences(ResourceChange change, JsonObject body)
    {
        var desired = Intent(change).Desired!;
        if (desired.References.Count == 0)
        {
            return body;
        }

        var copy = body.DeepClone().AsObject();
        foreach (var reference in desired.References)
        {
            if (JsonWire.String(_outputs.GetValueOrDefault(reference.Source)?[reference.SourceField]) is { Length: > 0 } value)
            {
                copy[reference.Field] = reference.Fill(value);
            }
            else if (JsonWire.String(copy[reference.Field]) is null || OutputReferences.IsUnknown(reference, copy))
            {
                throw new ResourceReadException($"{change.Address}: {reference.Source}'s {reference.SourceField} is not known, so its {reference.Field} cannot be set");
            }
        }

        return copy;
    }

    /// <summary>
    /// An entity's body with the fields the plan could not know set from the values minted in this run,
    /// or why it cannot be written (then it is not sent, and the step fails with that reason).
    /// </summary>
    private (JsonObject? Body, string? Problem) WithMintedExpiries(DesiredResource desired)
        => ExpiryReferences.Complete(desired, a => _minted.TryGetValue(a, out var until) ? until : null, context.Time.GetUtcNow());

    /// <summary>After a write, the resource as its service now holds it, when another resource of the plan takes one of its outputs.</summary>
    private async Task RememberOutputsAsync(ResourceAddress address, IResourceProvider provider, CancellationToken cancellationToken)
    {
        if (!_referenced.Value.Contains(address))
        {
            return;
        }

        if (await provider.ReadAsync(address.Kind, address.Id, cancellationToken) is { } written)
        {
            _outputs[address] = written;
        }
    }
}

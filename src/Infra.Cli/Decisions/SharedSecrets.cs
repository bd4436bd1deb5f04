using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Infra.Cli.Http;
using Infra.Sdk;

namespace Infra.Cli.Decisions;

/// <summary>
/// The secret a group's resources share (<see cref="ResourceKind.SharedSecret"/>: the two ends of one
/// webhook, Port checking with it what Spacelift signs with it), for both executors. It is never declared:
/// the executor generates it, writes it to every end in the same run, and records at each end a keyed
/// fingerprint (<see cref="SecretRecord.Fingerprint"/> over the group's name) in the description, or in an
/// <c>infra-fp:</c> label for kinds without one. It is kept while every end records the same fingerprint;
/// otherwise a new one is generated. What a service gives back in the secret's field is never trusted for
/// this: Port may answer it in clear, leave it out or mask it (docs/unknowns.md), and only the recorded
/// fingerprints say the same thing under all three.
/// </summary>
public static class SharedSecrets
{
    /// <summary>What a plan shows for a fingerprint only the apply step will know.</summary>
    public const string UnknownFingerprint = "[unknown]";

    /// <summary>32 bytes from the operating system's CSPRNG, base64url (43 characters).</summary>
    public static Secret Generate() => new(Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)));

    public static string Fingerprint(Secret key, string group, Secret value) => SecretRecord.Fingerprint(key, group, value);

    /// <summary>
    /// Keep or generate the group's secret, from its declared ends (their declared bodies, and their live bodies,
    /// null when absent). A kept secret is never sent again (the executor may not know it): an update leaves out
    /// the field's top-level member, which the service then keeps as it has it (Port's PATCH, Spacelift's update
    /// without <c>secret</c>). So where the secret sits inside an object (Port's <c>security</c>), a change to that
    /// object's other members cannot be written without the secret: a new one is generated.
    /// </summary>
    /// <param name="expectedFingerprint">
    /// The fingerprint of the value this executor would write (Pulumi mode derives its value, so it knows it before
    /// writing); the ends must record that one to keep it. Null: any fingerprint the ends agree on is kept.
    /// </param>
    public static SharedSecretDecision Decide(
        string group,
        IEnumerable<(ResourceAddress Address, JsonObject Desired, JsonObject? Live)> ends,
        string? expectedFingerprint = null)
    {
        string? common = null;
        foreach (var (address, desired, live) in ends)
        {
            var recorded = Recorded(address.Kind, live);
            var reason = live is null ? $"{address} does not exist"
                : recorded is null ? $"{address} records no fingerprint of the shared secret"
                : common is not null && common != recorded ? "the shared secret's fingerprints at the ends differ"
                : expectedFingerprint is not null && recorded != expectedFingerprint ? $"{address} records another shared secret than this executor writes"
                : HolderChanges(address.Kind.SharedSecret!, desired, live) is { } holder
                    ? $"{address}'s {holder} changes, and it cannot be written without the shared secret"
                : null;
            if (reason is not null)
            {
                return new SharedSecretDecision(Generate: true, KeptFingerprint: null, reason + ": a new shared secret is generated and written to every end");
            }

            common = recorded;
        }

        return new SharedSecretDecision(Generate: false, common, null);
    }

    /// <summary>
    /// The name of the object that holds the secret when its other members differ between the declared and the
    /// live body (members that are null or absent on both sides count as equal); null when the secret is a
    /// top-level field or the object is unchanged.
    /// </summary>
    private static string? HolderChanges(SharedSecretField field, JsonObject desired, JsonObject live)
    {
        if (field.Path.Count < 2)
        {
            return null;
        }

        var holder = field.Path[0];
        var declared = Members(field.Without(desired)[holder]);
        var current = Members(field.Without(live)[holder]);
        return declared.Count == current.Count && declared.All(m => current.TryGetValue(m.Key, out var other) && JsonNode.DeepEquals(m.Value, other))
            ? null
            : holder;
    }

    private static Dictionary<string, JsonNode> Members(JsonNode? node)
        => (node as JsonObject ?? []).Where(m => m.Value is not null).ToDictionary(m => m.Key, m => m.Value!, StringComparer.Ordinal);

    /// <summary>The fingerprint a live body records (description or label).</summary>
    public static string? Recorded(ResourceKind kind, JsonObject? body) => body is null ? null
        : kind.MarksInLabels ? OwnerLabel.ReadFingerprint(body["labels"])
        : SecretRecord.ReadFingerprint(JsonWire.String(body["description"]));

    /// <summary>A copy of <paramref name="body"/> that records <paramref name="fingerprint"/>.</summary>
    public static JsonObject WithFingerprint(ResourceKind kind, JsonObject body, string fingerprint)
    {
        var copy = body.DeepClone().AsObject();
        if (kind.MarksInLabels)
        {
            // Sorted: Spacelift's Terraform provider treats labels as a set, so their order is not ours to keep.
            var labels = (copy["labels"] as JsonArray ?? []).Select(JsonWire.String).OfType<string>()
                .Append(OwnerLabel.FingerprintPrefix + fingerprint)
                .Order(StringComparer.Ordinal);
            copy["labels"] = new JsonArray([.. labels.Select(l => (JsonNode)l)]);
        }
        else
        {
            copy["description"] = SecretRecord.WithFingerprint(JsonWire.String(copy["description"]) ?? string.Empty, fingerprint);
        }

        return copy;
    }

    /// <summary>
    /// A copy of <paramref name="body"/> without the secret's field (what plans compare and show), with
    /// labels in the declarations' (sorted) order: a set, whatever order the service gives them back in.
    /// </summary>
    public static JsonObject WithoutValue(ResourceKind kind, JsonObject body)
    {
        var copy = kind.SharedSecret is { } field ? field.Without(body) : body.DeepClone().AsObject();
        if (kind.MarksInLabels && copy["labels"] is JsonArray labels)
        {
            copy["labels"] = new JsonArray([.. labels.Select(JsonWire.String).OfType<string>().Order(StringComparer.Ordinal).Select(l => (JsonNode)l)]);
        }

        return copy;
    }

    /// <summary>Adds every secret value a live body gave back (whatever it is) to <paramref name="masker"/>, before anything prints a body.</summary>
    public static void MaskReadBack(IEnumerable<KeyValuePair<ResourceAddress, JsonObject>> live, SecretMasker masker)
    {
        foreach (var (address, body) in live)
        {
            if (address.Kind.SharedSecret is { ReadBack: true } field)
            {
                masker.Add(field.ValueIn(body)?.Reveal());
            }
        }
    }
}

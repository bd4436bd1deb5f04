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
/// <c>infra-fp:</c> label for kinds without one. It is kept while every end records the same fingerprint
/// and a copy the service gives back still hashes to it; otherwise a new one is generated.
/// </summary>
public static class SharedSecrets
{
    /// <summary>What a plan shows for a fingerprint only the apply step will know.</summary>
    public const string UnknownFingerprint = "[unknown]";

    /// <summary>32 bytes from the operating system's CSPRNG, base64url (43 characters).</summary>
    public static Secret Generate() => new(Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)));

    public static string Fingerprint(Secret key, string group, Secret value) => SecretRecord.Fingerprint(key, group, value);

    /// <summary>
    /// Keep or generate the group's secret, from its declared ends and their live bodies (null: absent).
    /// A service that gives the value back must give the recorded one: an update there replaces the whole
    /// body, so a kept secret is sent again, and one it does not give back cannot be.
    /// </summary>
    public static SharedSecretDecision Decide(string group, IEnumerable<(ResourceAddress Address, JsonObject? Live)> ends, Secret fingerprintKey)
    {
        string? common = null;
        foreach (var (address, live) in ends)
        {
            var field = address.Kind.SharedSecret!;
            var recorded = Recorded(address.Kind, live);
            var readBack = field.ReadBack ? field.ValueIn(live) : null;
            var reason = live is null ? $"{address} does not exist"
                : recorded is null ? $"{address} records no fingerprint of the shared secret"
                : field.ReadBack && (readBack is null || Fingerprint(fingerprintKey, group, readBack) != recorded)
                    ? $"the shared secret in {address} does not match its fingerprint"
                : common is not null && common != recorded ? "the shared secret's fingerprints at the ends differ"
                : null;
            if (reason is not null)
            {
                return new SharedSecretDecision(Generate: true, KeptFingerprint: null, reason + ": a new shared secret is generated and written to every end");
            }

            common = recorded;
        }

        return new SharedSecretDecision(Generate: false, common, null);
    }

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

    /// <summary>Adds every secret value a live body gave back to <paramref name="masker"/>, before anything prints a body.</summary>
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

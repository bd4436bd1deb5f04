using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Infra.Cli.Http;
using Infra.Sdk;

namespace Infra.Cli.Engine.Planning;

/// <summary>
/// The live-update webhook secret (<see cref="ResourceKind.SharedSecret"/>): one value that Port checks
/// with and Spacelift signs with. It is never declared: the executor mints it, writes it to both ends in
/// the same run, and records at each end a keyed fingerprint (the secrets' HMAC,
/// <see cref="SecretDescription.Fingerprint"/>) in the description, or in an <c>infra-fp:</c> label for
/// kinds without one. The next plan keeps it while both ends record the same fingerprint (and Port's
/// copy, which its API gives back, still hashes to it); otherwise it mints a new one.
/// </summary>
internal static class LiveUpdateSecrets
{
    /// <summary>The name the fingerprint is keyed over, the same at both ends so they compare.</summary>
    public const string FingerprintName = "live-updates-webhook-secret";

    /// <summary>What a plan shows for a fingerprint only the apply step will know.</summary>
    public const string UnknownFingerprint = "[unknown]";

    /// <summary>Held back when Spacelift could not be read: the whole loop, so half of it is never declared.</summary>
    public static bool IsLiveUpdateKind(ResourceKind kind) => kind.Service == ResourceService.Spacelift || kind.SharedSecret is not null;

    /// <summary>32 bytes from the operating system's CSPRNG, base64url (43 characters).</summary>
    public static Secret Mint() => new(Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)));

    public static string Fingerprint(Secret key, Secret value) => SecretDescription.Fingerprint(key, FingerprintName, value);

    /// <summary>The secret's value in a live body, for kinds whose service gives it back (Port); else null.</summary>
    public static Secret? ReadBack(ResourceKind kind, JsonObject? body) =>
        kind.SharedSecret is { ReadBack: true } field && JsonWire.String(At(body, field.Path)) is { Length: > 0 } value ? new Secret(value) : null;

    /// <summary>The fingerprint a live body records (description or label).</summary>
    public static string? Recorded(ResourceKind kind, JsonObject? body) => body is null ? null
        : kind.MarksInLabels ? OwnerLabel.ReadFingerprint(body["labels"])
        : SecretDescription.ReadFingerprint(JsonWire.String(body["description"]));

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
            copy["description"] = SecretDescription.WithFingerprint(JsonWire.String(copy["description"]) ?? string.Empty, fingerprint);
        }

        return copy;
    }

    /// <summary>
    /// A copy of <paramref name="body"/> without the secret's field (what plans compare and show), with
    /// labels in the declarations' (sorted) order: a set, whatever order the service gives them back in.
    /// </summary>
    public static JsonObject WithoutValue(ResourceKind kind, JsonObject body)
    {
        var copy = body.DeepClone().AsObject();
        if (kind.MarksInLabels && copy["labels"] is JsonArray labels)
        {
            copy["labels"] = new JsonArray([.. labels.Select(JsonWire.String).OfType<string>().Order(StringComparer.Ordinal).Select(l => (JsonNode)l)]);
        }

        if (kind.SharedSecret is { } field && Parent(copy, field.Path.SkipLast(1)) is { } parent)
        {
            parent.Remove(field.Path[^1]);
        }

        return copy;
    }

    /// <summary>A copy of <paramref name="body"/> with the value in the secret's field: only for the request.</summary>
    public static JsonObject WithValue(ResourceKind kind, JsonObject body, Secret value)
    {
        var copy = body.DeepClone().AsObject();
        var path = kind.SharedSecret?.Path ?? throw new ArgumentException($"a {kind} carries no shared secret", nameof(kind));
        JsonObject parent = copy;
        foreach (var name in path.SkipLast(1))
        {
            if (parent[name] is not JsonObject next)
            {
                next = [];
                parent[name] = next;
            }

            parent = next;
        }

        parent[path[^1]] = value.Reveal();
        return copy;
    }

    /// <summary>Adds every secret value a live body gave back to <paramref name="masker"/>, before anything prints a body.</summary>
    public static void MaskReadBack(IReadOnlyDictionary<ResourceAddress, JsonObject> live, SecretMasker masker)
    {
        foreach (var (address, body) in live)
        {
            masker.Add(ReadBack(address.Kind, body)?.Reveal());
        }
    }

    /// <summary>The live Port webhook's ingest <c>url</c> (Port makes it up; hosts differ per region), or null.</summary>
    public static string? IngestUrl(IReadOnlyDictionary<ResourceAddress, JsonObject> live) =>
        live.Where(r => r.Key.Kind == ResourceKind.Webhook).Select(r => JsonWire.String(r.Value["url"])).FirstOrDefault(u => u is { Length: > 0 });

    private static JsonNode? At(JsonObject? body, IReadOnlyList<string> path)
    {
        JsonNode? node = body;
        foreach (var name in path)
        {
            node = (node as JsonObject)?[name];
        }

        return node;
    }

    private static JsonObject? Parent(JsonObject body, IEnumerable<string> parents)
    {
        JsonObject? node = body;
        foreach (var name in parents)
        {
            node = node?[name] as JsonObject;
        }

        return node;
    }
}

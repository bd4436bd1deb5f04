using System.Text.Json.Nodes;

namespace Infra.Sdk;

/// <summary>
/// The owner mark and the secret's fingerprint for kinds that have labels but no description (a
/// Spacelift named webhook): <c>infra-owner:&lt;project&gt;/&lt;stack&gt;</c> and <c>infra-fp:&lt;fingerprint&gt;</c>.
/// The owner part is <see cref="OwnerMark"/>'s segment, so one parser reads both forms.
/// </summary>
public static class OwnerLabel
{
    private const string Prefix = "infra-";
    public const string FingerprintPrefix = "infra-fp:";

    public static string Format(StackOwner owner) => Prefix + OwnerMark.Format(owner);

    /// <summary>The owner named by an <c>infra-owner:</c> label, or null.</summary>
    public static StackOwner? Read(JsonNode? labels) => Labels(labels)
        .Where(l => l.StartsWith(Prefix + "owner:", StringComparison.Ordinal))
        .Select(l => OwnerMark.Read(l[Prefix.Length..]))
        .FirstOrDefault(o => o is not null);

    /// <summary>The fingerprint recorded in an <c>infra-fp:</c> label, or null.</summary>
    public static string? ReadFingerprint(JsonNode? labels) => Labels(labels)
        .Where(l => l.StartsWith(FingerprintPrefix, StringComparison.Ordinal))
        .Select(l => l[FingerprintPrefix.Length..])
        .FirstOrDefault();

    private static IEnumerable<string> Labels(JsonNode? labels) => labels is JsonArray list
        ? list.Select(l => l is JsonValue v && v.TryGetValue<string>(out var text) ? text : null).OfType<string>()
        : [];
}

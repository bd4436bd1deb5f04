using System.Text.Json;
using System.Text.Json.Nodes;
using Infra.Tests.Support;

namespace Infra.Tests.PulumiMode.Bridged;

/// <summary>
/// Checks the inputs the engine receives for a bridged Spacelift resource (protobuf JSON of the registration's
/// <c>object</c>: secrets wrapped, unknowns as the sentinel) against the Terraform schema recorded in
/// spacelift-terraform-schema.json (sources in SOURCE.md), attribute by attribute: every input names an
/// attribute by the bridge's name and is not computed-only, required attributes are present, kinds match,
/// sensitive and write-only attributes arrive as secrets, <c>DisallowEmptyString</c>, <c>StringInSlice</c>,
/// <c>ConflictsWith</c> and <c>RequiredWith</c> hold, and no deprecated attribute is used. An unknown (preview)
/// stands for any value.
/// </summary>
internal sealed class TerraformSchema
{
    private readonly JsonObject _schema;

    private TerraformSchema(JsonObject schema) => _schema = schema;

    public static TerraformSchema Spacelift { get; } = new(JsonNode.Parse(GoldenFiles.Read("PulumiMode/Bridged/spacelift-terraform-schema.json"))!.AsObject());

    public string Commit => _schema["source"]!["commit"]!.GetValue<string>();

    public string Tag => _schema["source"]!["tag"]!.GetValue<string>();

    public string Prefix => _schema["resourcePrefix"]!.GetValue<string>();

    /// <summary>The Terraform resource names recorded.</summary>
    public IEnumerable<string> Resources => _schema["resources"]!.AsObject().Select(r => r.Key);

    /// <summary>A resource's (or, for <c>pulumi:providers:spacelift</c>, the provider's) attributes by their bridged names.</summary>
    public IReadOnlyDictionary<string, (string Terraform, JsonObject Spec)> Attributes(string type)
    {
        var block = type == "pulumi:providers:" + Prefix
            ? _schema["provider"]!.AsObject()
            : _schema["resources"]!.AsObject().FirstOrDefault(r => BridgeNames.ResourceToken(Prefix, Prefix, r.Key) == type).Value?.AsObject()
              ?? throw new ArgumentException($"{type}: no such resource recorded");
        return block["attributes"]!.AsObject().ToDictionary(
            a => BridgeNames.PropertyName(a.Key, a.Value!["type"]!.GetValue<string>() == "set"),
            a => (a.Key, a.Value!.AsObject()),
            StringComparer.Ordinal);
    }

    /// <summary>Every problem, one line each; empty when the inputs are valid.</summary>
    public IReadOnlyList<string> Validate(string type, JsonObject wire)
    {
        var problems = new List<string>();
        var attributes = Attributes(type);
        foreach (var (name, (terraform, spec)) in attributes)
        {
            if (Flag(spec, "required") && !wire.ContainsKey(name))
            {
                problems.Add($"{type}.{name}: {terraform} is required but missing");
            }

            if (!wire.ContainsKey(name))
            {
                continue;
            }

            foreach (var other in Names(spec, "conflictsWith").Select(t => Bridged(attributes, t)).Where(wire.ContainsKey))
            {
                problems.Add($"{type}.{name}: {terraform} conflicts with {other}");
            }

            foreach (var other in Names(spec, "requiredWith").Select(t => Bridged(attributes, t)).Where(o => !wire.ContainsKey(o)))
            {
                problems.Add($"{type}.{name}: {terraform} requires {other}");
            }
        }

        foreach (var (name, value) in wire)
        {
            if (!attributes.TryGetValue(name, out var attribute))
            {
                problems.Add($"{type}.{name}: no such attribute");
                continue;
            }

            var (terraform, spec) = attribute;
            if (Flag(spec, "computed") && !Flag(spec, "optional") && !Flag(spec, "required"))
            {
                problems.Add($"{type}.{name}: {terraform} is computed only, not an input");
            }

            if (Flag(spec, "deprecated"))
            {
                problems.Add($"{type}.{name}: {terraform} is deprecated");
            }

            var inner = value;
            if (IsSecret(value, out var wrapped))
            {
                inner = wrapped;
            }
            else if ((Flag(spec, "sensitive") || Flag(spec, "writeOnly")) && !IsUnknown(value))
            {
                problems.Add($"{type}.{name}: {terraform} is sensitive but not sent as a secret");
            }

            CheckValue($"{type}.{name}", spec, inner, problems);
        }

        return problems;
    }

    private static void CheckValue(string path, JsonObject spec, JsonNode? value, List<string> problems)
    {
        if (IsUnknown(value))
        {
            return;
        }

        switch (spec["type"]!.GetValue<string>())
        {
            case "string" when value is not JsonValue s || s.GetValueKind() != JsonValueKind.String:
                problems.Add($"{path}: expected a string, got {value?.ToJsonString() ?? "null"}");
                return;
            case "string":
                CheckText(path, spec, value.GetValue<string>(), "disallowEmpty", problems);
                return;
            case "bool" when value is not JsonValue b || b.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False):
                problems.Add($"{path}: expected a boolean, got {value?.ToJsonString() ?? "null"}");
                return;
            case "set" when value is not JsonArray:
                problems.Add($"{path}: expected a set, got {value?.ToJsonString() ?? "null"}");
                return;
            case "set":
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var element in (JsonArray)value)
                {
                    if (element is not JsonValue e || e.GetValueKind() != JsonValueKind.String)
                    {
                        problems.Add($"{path}: expected strings, got {element?.ToJsonString() ?? "null"}");
                        continue;
                    }

                    CheckText(path, spec, e.GetValue<string>(), "elemDisallowEmpty", problems);
                    if (!seen.Add(e.GetValue<string>()))
                    {
                        problems.Add($"{path}: '{e.GetValue<string>()}' twice in a set");
                    }
                }

                return;
        }
    }

    private static void CheckText(string path, JsonObject spec, string text, string emptyRule, List<string> problems)
    {
        if (Flag(spec, emptyRule) && text.Length == 0)
        {
            problems.Add($"{path}: must not be an empty string");
        }

        if (spec["oneOf"] is JsonArray allowed && !allowed.Any(a => a!.GetValue<string>() == text))
        {
            problems.Add($"{path}: '{text}' is not one of {allowed.ToJsonString()}");
        }
    }

    private static string Bridged(IReadOnlyDictionary<string, (string Terraform, JsonObject Spec)> attributes, string terraform)
        => attributes.Single(a => a.Value.Terraform == terraform).Key;

    private static IEnumerable<string> Names(JsonObject spec, string member)
        => spec[member] is JsonArray names ? names.Select(n => n!.GetValue<string>()) : [];

    private static bool Flag(JsonObject spec, string member) => spec[member]?.GetValue<bool>() == true;

    private static bool IsUnknown(JsonNode? value)
        => value is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == ProviderSchema.Unknown;

    private static bool IsSecret(JsonNode? value, out JsonNode? inner)
    {
        inner = null;
        if (value is JsonObject envelope && envelope[ProviderSchema.SecretKey]?.GetValue<string>() == ProviderSchema.SecretSignature)
        {
            inner = envelope["value"];
            return true;
        }

        return false;
    }
}

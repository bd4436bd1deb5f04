using System.Text.Json.Nodes;

namespace Infra.Cli.PulumiProtocol;

/// <summary>
/// One resource to register with Pulumi's engine, in plain .NET terms. <see cref="Inputs"/> is plain
/// JSON; <see cref="Special"/> adds top-level inputs that must be wrapped (secrets, unknowns) and wins
/// over a key of the same name in <see cref="Inputs"/>.
/// </summary>
/// <param name="Type">The type token, e.g. <c>port:index/entity:Entity</c> or <c>pulumi:pulumi:Stack</c>.</param>
/// <param name="Name">The logical name; part of the URN, so it must be stable across runs.</param>
/// <param name="Custom">True for provider-managed resources, false for the stack (a component).</param>
/// <param name="Parent">The parent's URN, empty for the stack itself.</param>
/// <param name="Dependencies">URNs this resource needs: the engine orders creates and deletes by them.</param>
/// <param name="Version">The provider plugin's version, without a leading v.</param>
/// <param name="PluginDownloadUrl">Where the engine fetches the provider plugin when it is not installed.</param>
/// <param name="IgnoreChanges">Input paths the engine keeps from its state instead of diffing.</param>
/// <param name="AdditionalSecretOutputs">Outputs to keep secret in the engine's state.</param>
/// <param name="Provider">The explicit provider's reference, <c>&lt;urn&gt;::&lt;id&gt;</c>; empty for the engine's default provider.</param>
/// <param name="ImportId">When set, the engine adopts the existing object with this id instead of creating it.</param>
/// <param name="AliasUrns">URNs the resource had before (its name changed): the engine takes them for the same resource, not a replacement.</param>
/// <param name="PackageRef">
/// The reference <see cref="PackageReferences"/> got for the resource's package; empty for a package the
/// engine finds by the type token's first segment. When set, the engine takes the plugin (and its version and
/// download URL) from the registered package instead of <see cref="Version"/> and <see cref="PluginDownloadUrl"/>,
/// though it still parses <see cref="Version"/> first, so that must be empty or semver; a reference the engine
/// never gave fails the call (pulumi/pulumi <c>pkg/resource/deploy/source_eval.go</c> <c>RegisterResource</c>).
/// </param>
public sealed record ResourceRegistration(
    string Type,
    string Name,
    bool Custom,
    string Parent,
    JsonObject Inputs,
    IReadOnlyDictionary<string, SpecialInput>? Special = null,
    IReadOnlyList<string>? Dependencies = null,
    string Version = "",
    string PluginDownloadUrl = "",
    IReadOnlyList<string>? IgnoreChanges = null,
    IReadOnlyList<string>? AdditionalSecretOutputs = null,
    string ImportId = "",
    string Provider = "",
    string PackageRef = "",
    IReadOnlyList<string>? AliasUrns = null);

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
    string Provider = "");

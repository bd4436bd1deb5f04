using System.Text.Json.Nodes;

namespace FakePulumiEngine.Cli;

/// <summary>One <c>config:</c> entry of Pulumi.yaml after the shorthand rewrite (<c>ProjectConfigType</c> in project.go).</summary>
/// <param name="Key">The key as written, e.g. <c>infra:blueprint</c> or <c>blueprint</c>.</param>
/// <param name="Default">The default, or null when there is none (a YAML <c>null</c> counts as none, as Go's nil).</param>
/// <param name="Value">The <c>value:</c>, or null.</param>
public sealed record ProjectConfigType(string Key, string? Type, JsonNode? Items, JsonNode? Default, JsonNode? Value, bool Secret);

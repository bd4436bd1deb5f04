using System.Text.Json.Nodes;

namespace Infra.PulumiProtocol;

/// <summary>
/// The engine's answer to a registration. <see cref="Id"/> is empty for components and for creates
/// during a preview. In <see cref="Outputs"/>, secrets read as <c>[secret]</c> and unknowns as null.
/// </summary>
public sealed record RegisteredResource(string Urn, string Id, JsonObject Outputs);

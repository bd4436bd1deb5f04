using System.Text.Json.Nodes;
using Infra.Cli.PulumiProtocol;

namespace Infra.Cli.PulumiMode.Bridged;

/// <summary>
/// One resource's inputs for the bridged Spacelift provider: its type token, the plain inputs, and the inputs
/// that travel wrapped (a secret, or a value not known in a preview), ready for a <see cref="ResourceRegistration"/>.
/// </summary>
public sealed record BridgedInputs(string Type, JsonObject Inputs, IReadOnlyDictionary<string, SpecialInput> Special);

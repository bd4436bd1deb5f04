using System.Text.Json.Serialization;

namespace Infra.Cli.Engine.State;

/// <summary>
/// The state file's JSON, generated at build time: every run reads and writes it, and a short-lived process
/// would otherwise build the serializer's metadata by reflection on each of them.
/// </summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(StackState))]
internal sealed partial class StateJson : JsonSerializerContext;

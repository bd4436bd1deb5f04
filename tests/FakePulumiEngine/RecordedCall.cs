using System.Text.Json.Nodes;

namespace FakePulumiEngine;

/// <summary>One call the program made, in arrival order: the RPC's name and its request as protobuf JSON.</summary>
public sealed record RecordedCall(int Sequence, string Method, JsonObject Request);

using System.Text.Json.Nodes;

namespace Infra.Sdk;

/// <summary>
/// The program's reading of resources it declares, as their services hold them before a run changes
/// anything: <see cref="Judge"/> gets the live body of each of <see cref="Reads"/> (null when it does not
/// exist; an entity is read from its blueprint's entities) and the time, and says what the run should show
/// (a loop in Port that has stopped, say), or null. Both executors show what it says with the plan's
/// diagnostics; neither knows what it means.
/// </summary>
public sealed record LiveCheck(IReadOnlyList<ResourceAddress> Reads, Func<IReadOnlyList<JsonObject?>, DateTimeOffset, Diagnostic?> Judge);

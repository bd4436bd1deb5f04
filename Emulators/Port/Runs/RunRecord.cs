using System.Text.Json.Nodes;

namespace Emulators.Port.Runs;

/// <summary>An action or automation run: its answered form, its log lines and its automation depth.</summary>
internal sealed class RunRecord(string id, string actionIdentifier, JsonObject run, int depth)
{
    public string Id { get; } = id;

    public string ActionIdentifier { get; } = actionIdentifier;

    public JsonObject Run { get; set; } = run;

    public List<JsonObject> Logs { get; } = [];

    /// <summary>How many automation hops led to this run; automations stop at the configured maximum.</summary>
    public int Depth { get; } = depth;

    public bool Finished => Run["status"]?.GetValue<string>() is RunStatus.Success or RunStatus.Failure;
}

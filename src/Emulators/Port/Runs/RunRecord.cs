using System.Text.Json.Nodes;
using Emulators.Port.Users;

namespace Emulators.Port.Runs;

/// <summary>
/// An action or automation run: its answered form, its log lines, its automation depth, and for a
/// self-service run who asked, what its permission policies saw, and (while it waits for approval)
/// what to send once approved. Mutable parts change under the organisation lock.
/// </summary>
internal sealed class RunRecord(string id, string actionIdentifier, JsonObject run, int depth)
{
    public string Id { get; } = id;

    public string ActionIdentifier { get; } = actionIdentifier;

    public JsonObject Run { get; set; } = run;

    public List<JsonObject> Logs { get; } = [];

    /// <summary>How many automation hops led to this run; automations stop at the configured maximum.</summary>
    public int Depth { get; } = depth;

    /// <summary>Who executed a self-service run (null for automations).</summary>
    public PortUser? Requester { get; set; }

    /// <summary>The policy context of the execution (see Permissions/PolicyContext), for approve policies.</summary>
    public JsonObject? PolicyContext { get; set; }

    /// <summary>The action and template context to invoke with once the run is approved.</summary>
    public (JsonObject Action, JsonObject TemplateContext)? Pending { get; set; }

    /// <summary>Who approved so far (emails, ignoring case), for <c>requiredApproval: {type: ALL}</c>.</summary>
    public HashSet<string> Approvers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool Finished => RunStatus.IsFinal(Run["status"]?.GetValue<string>());
}

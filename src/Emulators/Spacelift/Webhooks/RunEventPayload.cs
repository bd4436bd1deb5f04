using System.Text.Json.Nodes;
using Emulators.Spacelift.Graph;
using Emulators.Spacelift.Runs;
using Emulators.Spacelift.Spaces;

namespace Emulators.Spacelift.Webhooks;

/// <summary>
/// What a run event looks like to the outside: Spacelift's default <c>run_updated</c> webhook body, and the
/// notification policy's <c>input</c> (documented by Spacelift's notification-policy page).
/// </summary>
internal static class RunEventPayload
{
    public const string Account = "emulator";

    /// <param name="delta">The run's planned changes at the transition; null before planning is over.</param>
    public static JsonObject Default(RunEvent e, RunDelta? delta)
    {
        var commit = RunView.CommitOf(e.Run, e.Stack);
        return new JsonObject
        {
            ["account"] = Account,
            ["state"] = e.State,
            ["stateVersion"] = e.StateVersion,
            ["timestamp"] = e.At.ToUnixTimeSeconds(),
            ["run"] = new JsonObject
            {
                ["id"] = e.Run.Id,
                ["branch"] = e.Run.Branch,
                ["commit"] = new JsonObject
                {
                    ["authorLogin"] = commit.AuthorLogin,
                    ["authorName"] = commit.AuthorName,
                    ["hash"] = commit.Hash,
                    ["message"] = commit.Message,
                    ["timestamp"] = commit.Timestamp,
                    ["url"] = commit.Url,
                },
                ["createdAt"] = e.Run.CreatedAt.ToUnixTimeSeconds(),
                // The docs describe the run's "delta (if any)": none until planning has produced one.
                ["delta"] = delta is null ? null : new JsonObject
                {
                    ["added"] = delta.Added, ["changed"] = delta.Changed, ["deleted"] = delta.Deleted, ["resources"] = delta.Resources,
                },
                ["triggeredBy"] = e.Run.TriggeredBy,
                ["type"] = e.Run.Type,
            },
            ["stack"] = new JsonObject
            {
                ["id"] = e.Stack.Id,
                ["name"] = e.Stack.Name,
                ["description"] = e.Stack.Description ?? string.Empty,
                ["labels"] = Strings(e.Stack.Labels),
            },
        };
    }

    /// <param name="stackState">The stack's state at the transition (its latest tracked run's).</param>
    public static JsonObject PolicyInput(RunEvent e, string stackState, IEnumerable<NamedWebhook> endpoints, SpaceStore spaces)
    {
        var space = SpaceView.Of(e.Stack.Space, spaces);
        var nanos = (e.At - DateTimeOffset.UnixEpoch).Ticks * 100;
        return new JsonObject
        {
            ["account"] = new JsonObject { ["name"] = Account },
            ["webhook_endpoints"] = new JsonArray([.. endpoints.Select(w => (JsonNode)new JsonObject { ["id"] = w.Id, ["labels"] = Strings(w.Labels) })]),
            ["run_updated"] = new JsonObject
            {
                ["state"] = e.State,
                ["username"] = e.Run.TriggeredBy,
                ["note"] = null,
                ["run"] = new JsonObject
                {
                    ["id"] = e.Run.Id,
                    ["type"] = e.Run.Type,
                    ["state"] = e.State,
                    ["branch"] = e.Run.Branch,
                    ["commit"] = new JsonObject { ["hash"] = e.Run.CommitSha },
                    ["created_at"] = (e.Run.CreatedAt - DateTimeOffset.UnixEpoch).Ticks * 100,
                    ["updated_at"] = nanos,
                    ["triggered_by"] = e.Run.TriggeredBy,
                    ["drift_detection"] = e.Run.DriftDetection,
                    ["changes"] = new JsonArray(),
                },
                ["stack"] = new JsonObject
                {
                    ["id"] = e.Stack.Id,
                    ["name"] = e.Stack.Name,
                    ["labels"] = Strings(e.Stack.Labels),
                    ["space"] = new JsonObject { ["id"] = space.Id, ["name"] = space.Name, ["labels"] = Strings(space.Labels) },
                    ["state"] = stackState,
                    ["branch"] = e.Stack.Branch,
                },
            },
        };
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);
}

using System.Text.Json.Nodes;

namespace Emulators.Spacelift.Webhooks;

/// <summary>
/// A parsed <c>webhook</c> rule: which endpoint it names (a literal id, or <c>endpoint.id</c> bound by
/// iterating <c>input.webhook_endpoints</c>) and the conditions that must all hold.
/// </summary>
internal sealed record NotificationRule(string? EndpointLiteral, bool IteratesEndpoints, IReadOnlyList<NotificationCondition> Conditions)
{
    /// <summary>The endpoint ids this rule sends the event to (Spacelift sends the default payload for each).</summary>
    public IEnumerable<string> Endpoints(JsonObject input)
    {
        if (!IteratesEndpoints)
        {
            if (Conditions.All(c => c.Holds(input, null)))
            {
                yield return EndpointLiteral!;
            }

            yield break;
        }

        foreach (var endpoint in input["webhook_endpoints"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            if (Conditions.All(c => c.Holds(input, endpoint)))
            {
                yield return EndpointLiteral ?? endpoint["id"]!.GetValue<string>();
            }
        }
    }
}

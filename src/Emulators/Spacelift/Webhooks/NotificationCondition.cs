using System.Text.Json.Nodes;
using Emulators.Jq;

namespace Emulators.Spacelift.Webhooks;

/// <summary>
/// One condition of a <c>webhook</c> rule: <c>P == literal</c>, <c>P != literal</c> (including <c>null</c>),
/// or membership <c>literal in P</c> / <c>P[_] == literal</c>, where P is <c>endpoint.*</c> or a path under
/// <c>input</c>. As in Rego, a path that does not exist makes the condition undefined, so it fails.
/// </summary>
internal sealed record NotificationCondition(IReadOnlyList<string> Path, string Operator, JsonNode? Literal)
{
    public const string EndpointVariable = "endpoint";

    public bool Holds(JsonObject input, JsonObject? endpoint)
    {
        var root = Path[0] == EndpointVariable ? endpoint : input;
        JsonNode? value = root;
        foreach (var segment in Path.Skip(1))
        {
            if (value is not JsonObject obj || !obj.TryGetPropertyValue(segment, out value))
            {
                return false;
            }
        }

        return Operator switch
        {
            "==" => JsonValues.AreEqual(value, Literal),
            "!=" => !JsonValues.AreEqual(value, Literal),
            _ => value is JsonArray items && items.Any(item => JsonValues.AreEqual(item, Literal)),
        };
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Emulators.Jq;
using Emulators.Port.Entities;
using Emulators.Port.Users;

namespace Emulators.Port.Permissions;

/// <summary>
/// Evaluates a permission policy: each query searches the organisation's entities plus the system
/// <c>_user</c> and <c>_team</c> entities (at most 1000 results, as Port documents), then each jq
/// condition runs over <c>{results: {name: {entities}}, ...context}</c>. Called under the organisation lock.
/// </summary>
internal sealed class PolicyEvaluator(Organisation organisation, UserDirectory users)
{
    /// <summary>Port: "Each query can return up to 1000 entities".</summary>
    private const int QueryLimit = 1000;

    /// <summary>Every condition's single value, in order; the caller decides what each must be.</summary>
    /// <exception cref="Http.PortApiError">A query or condition the emulator cannot evaluate (422).</exception>
    public IReadOnlyList<JsonNode?> Conditions(JsonObject policy, JsonObject context, string path)
    {
        var input = (JsonObject)context.DeepClone();
        input["results"] = Results((JsonObject)policy["queries"]!, context, $"{path}/queries");
        var conditions = (JsonArray)policy["conditions"]!;
        var values = new List<JsonNode?>();
        for (var i = 0; i < conditions.Count; i++)
        {
            var text = conditions[i]!.GetValue<string>();
            try
            {
                values.Add(JqExpression.Parse(text).Evaluate(input)?.DeepClone());
            }
            catch (JqException e)
            {
                throw PolicyRefusal.At($"{path}/conditions/{i} '{text}'", e.Message);
            }
        }

        return values;
    }

    private JsonObject Results(JsonObject queries, JsonObject context, string path)
    {
        var results = new JsonObject();
        foreach (var (name, query) in queries)
        {
            var compiled = PolicyQuery.Compile(query, context, $"{path}/{name}");
            var found = Candidates(compiled.Blueprints)
                .Where(candidate => compiled.Matches(candidate.Stored))
                .Take(QueryLimit)
                .Select(candidate => (JsonNode?)candidate.Render());
            results[name] = new JsonObject { ["entities"] = new JsonArray([.. found]) };
        }

        return results;
    }

    /// <summary>Stored entities (what rules read) with how to render each as the API answers it (what conditions read).</summary>
    private IEnumerable<(JsonObject Stored, Func<JsonObject> Render)> Candidates(IReadOnlySet<string>? blueprints)
    {
        foreach (var system in SystemEntities.All(users))
        {
            if (blueprints is null || blueprints.Contains(system["blueprint"]!.GetValue<string>()))
            {
                yield return (system, () => system);
            }
        }

        foreach (var (identifier, record) in organisation.Blueprints)
        {
            if (blueprints is not null && !blueprints.Contains(identifier))
            {
                continue;
            }

            foreach (var entity in record.Entities.All)
            {
                yield return (entity, () => EntityView.Render(record, entity));
            }
        }
    }

    /// <summary>Execute policies: each condition must be a boolean; there is an implicit OR between them (Port's docs).</summary>
    public bool Allows(JsonObject policy, JsonObject context, string path)
    {
        var values = Conditions(policy, context, path);
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i]?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw PolicyRefusal.At($"{path}/conditions/{i}", $"an execute condition must give a boolean, it gave {JsonValues.TypeName(values[i])}");
            }
        }

        return values.Any(value => value!.GetValueKind() == JsonValueKind.True);
    }

    /// <summary>Approve policies: each condition must be an array of email strings; the approvers are their union.</summary>
    public IReadOnlySet<string> Approvers(JsonObject policy, JsonObject context, string path)
    {
        var values = Conditions(policy, context, path);
        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not JsonArray list || list.Any(item => item?.GetValueKind() != JsonValueKind.String))
            {
                throw PolicyRefusal.At($"{path}/conditions/{i}", $"an approve condition must give an array of email strings, it gave {Describe(values[i])}");
            }

            emails.UnionWith(list.Select(item => item!.GetValue<string>()));
        }

        return emails;
    }

    private static string Describe(JsonNode? value) => value is JsonArray ? "an array with a non-string item" : JsonValues.TypeName(value);
}

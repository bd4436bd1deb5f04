using System.Text.Json.Nodes;
using Infra.Model;

namespace Infra.PulumiMode.Inputs;

/// <summary>
/// Port REST body → Port provider inputs, one pure renderer per resource kind, so each kind's
/// description can carry its own. <c>blueprint</c> is the blueprint an entity belongs to (its REST body
/// does not name it); the other kinds ignore it.
/// </summary>
public static class ProviderInputs
{
    public static IReadOnlyDictionary<ResourceKind, Func<JsonObject, string, JsonObject>> Renderers { get; } =
        new Dictionary<ResourceKind, Func<JsonObject, string, JsonObject>>
        {
            [ResourceKind.Blueprint] = (body, _) => BlueprintInputs.Render(body),
            [ResourceKind.Secret] = (body, _) => SecretInputs.Render(body),
            [ResourceKind.Action] = (body, _) => ActionInputs.Render(body),
            [ResourceKind.Automation] = (body, _) => ActionInputs.Render(body),
            [ResourceKind.Entity] = EntityInputs.Render,
        };

    public static JsonObject Render(ResourceKind kind, JsonObject body, string blueprint) => Renderers[kind](body, blueprint);
}

using System.Text.Json.Nodes;

namespace Benchmarks.Runs;

/// <summary>
/// The guide's blueprint JSON (embedded from tests/Infra.Tests/Golden/Guide/blueprint.json, the one copy),
/// under an identifier of the baseline's own so it never touches the product's entities.
/// </summary>
public static class GuideBlueprint
{
    public const string Identifier = "space_lift_stack_naive";

    public static JsonObject Create()
    {
        using var stream = typeof(GuideBlueprint).Assembly.GetManifestResourceStream("guide-blueprint.json")
            ?? throw new InvalidOperationException("the guide's blueprint is not embedded in the benchmark assembly");
        var blueprint = JsonNode.Parse(stream)!.AsObject();
        blueprint["identifier"] = Identifier;
        blueprint["title"] = "SpaceLift Stack (naive baseline)";
        return blueprint;
    }
}

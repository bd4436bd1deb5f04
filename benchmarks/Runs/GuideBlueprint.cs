using System.Text.Json.Nodes;

namespace Benchmarks.Runs;

/// <summary>The guide's blueprint JSON, under an identifier of the baseline's own so it never touches the product's entities.</summary>
public static class GuideBlueprint
{
    public const string Identifier = "space_lift_stack_naive";

    public static JsonObject Create()
    {
        static JsonObject Text(string title) => new() { ["type"] = "string", ["title"] = title };
        return new JsonObject
        {
            ["identifier"] = Identifier,
            ["title"] = "SpaceLift Stack (naive baseline)",
            ["icon"] = "IaC",
            ["schema"] = new JsonObject
            {
                ["properties"] = new JsonObject
                {
                    ["space"] = Text("Space"),
                    ["label"] = new JsonObject { ["items"] = new JsonObject { ["type"] = "string" }, ["type"] = "array", ["title"] = "Label" },
                    ["description"] = Text("Description"),
                    ["repository"] = Text("Repository"),
                    ["link"] = new JsonObject { ["icon"] = "DefaultProperty", ["type"] = "string", ["title"] = "Link", ["format"] = "url" },
                    ["state"] = Text("State"),
                    ["git_provider"] = Text("Git Provider"),
                    ["branch"] = Text("Branch"),
                },
                ["required"] = new JsonArray(),
            },
            ["mirrorProperties"] = new JsonObject(),
            ["calculationProperties"] = new JsonObject(),
            ["aggregationProperties"] = new JsonObject(),
            ["relations"] = new JsonObject(),
        };
    }
}

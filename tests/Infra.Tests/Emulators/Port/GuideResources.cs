using System.Text.Json.Nodes;
using Infra.Tests.Support;

namespace Infra.Tests.Emulators.Port;

/// <summary>
/// The guide's resources (docs/guide.md), read from the suite's one copy of the guide's JSON
/// (Golden/Guide), with the Spacelift URL placeholders filled in.
/// </summary>
internal static class GuideResources
{
    public static JsonObject Blueprint() => Guide("blueprint");

    public static JsonObject TriggerAction(string graphqlUrl) => WithUrl(Guide("trigger_spacelift_stack"), graphqlUrl);

    public static JsonObject RefreshAction(string graphqlUrl) => WithUrl(Guide("refresh_spacelift_token"), graphqlUrl);

    public static JsonObject Automation() => Guide("spacelift_token_refresh_sync");

    public static JsonObject Secret(string name, string value) => new() { ["secretName"] = name, ["secretValue"] = value };

    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    private static JsonObject Guide(string name) => Parse(GoldenFiles.Read($"Golden/Guide/{name}.json"));

    private static JsonObject WithUrl(JsonObject action, string graphqlUrl)
    {
        action["invocationMethod"]!["url"] = graphqlUrl;
        return action;
    }
}

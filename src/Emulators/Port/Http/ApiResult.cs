using System.Text.Json.Nodes;

namespace Emulators.Port.Http;

/// <summary>A successful answer: <see cref="Body"/> gets <c>ok:true</c> added as its first member.</summary>
internal sealed record ApiResult(int Status, JsonObject Body)
{
    public static ApiResult Ok(JsonObject body) => new(200, body);

    public static ApiResult Ok(string key, JsonNode? value) => new(200, new JsonObject { [key] = value });

    public static ApiResult Ok() => new(200, []);
}

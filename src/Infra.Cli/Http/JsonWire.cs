using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Infra.Cli.Http;

/// <summary>How both clients write and read JSON bodies.</summary>
internal static class JsonWire
{
    public const string MediaType = "application/json";

    private const int SnippetLength = 60;

    // Bodies go to an API, never into HTML, so there is no reason to escape '+', '<' or non-ASCII:
    // escaping them would only inflate the size measured against Port's 1 MiB limit.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] ToUtf8(JsonNode node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            node.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static ByteArrayContent Content(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(MediaType) { CharSet = "utf-8" };
        return content;
    }

    /// <summary>The body as a JSON object, or null when it is empty, not JSON, or JSON of another kind.</summary>
    public static JsonObject? TryParseObject(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The start of a body, on one line and scrubbed, to show what came back without dumping it.</summary>
    public static string Snippet(byte[] body, Func<string, string> scrub)
    {
        if (body.Length == 0)
        {
            return "(empty)";
        }

        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 512));
        var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        // Scrub before cutting, so a secret cannot survive as a cut-off prefix.
        var scrubbed = scrub(oneLine);
        return scrubbed.Length <= SnippetLength ? $"'{scrubbed}'" : $"'{scrubbed[..SnippetLength]}...'";
    }

    public static string? String(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static bool? Boolean(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;

    public static double? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.GetValue<double>() : null;
}

using System.Text.Json.Nodes;

namespace Infra.Tests.Emulators.Port;

/// <summary>Edits a JSON object inline, for test data built from a template.</summary>
internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject obj, Action<JsonObject> change)
    {
        change(obj);
        return obj;
    }
}

using System.Text.Json.Nodes;
using Emulators.Port.State;

namespace Emulators.Port.Webhooks;

/// <summary>
/// A webhook's <c>security.secret</c> in the state file: encrypted like organisation secrets, under
/// <c>security.protectedSecret</c>, so the file never holds it in clear.
/// </summary>
internal static class WebhookSecrets
{
    private const string Protected = "protectedSecret";

    public static JsonObject Protect(JsonObject webhook, SecretProtector protector)
    {
        var copy = (JsonObject)webhook.DeepClone();
        if (copy["security"] is JsonObject security && security["secret"]?.GetValue<string>() is { } secret)
        {
            security.Remove("secret");
            security[Protected] = protector.Protect(secret);
        }

        return copy;
    }

    public static JsonObject Unprotect(JsonObject stored, SecretProtector protector)
    {
        var copy = (JsonObject)stored.DeepClone();
        if (copy["security"] is JsonObject security && security[Protected]?.GetValue<string>() is { } protectedSecret)
        {
            security.Remove(Protected);
            security["secret"] = protector.Unprotect(protectedSecret);
        }

        return copy;
    }
}

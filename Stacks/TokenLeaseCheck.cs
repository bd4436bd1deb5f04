using System.Globalization;
using System.Text.Json.Nodes;
using Infra.Sdk;

namespace Infra.Stacks;

/// <summary>
/// How the self-renewing token stands, read from the lease and the token secret as Port holds them before
/// a run: one line saying when Port renews the token next, or, when the loop has stopped (its last renewal
/// failed, its timer is gone or past and was not set again, or the token expired), one warning saying why
/// and that <c>up</c> starts it again. Nothing when there is no lease yet (the plan creates it).
/// </summary>
public static class TokenLeaseCheck
{
    public static Diagnostic? Judge(IntegrationInputs inputs, JsonObject? lease, JsonObject? token, DateTimeOffset now, ResourceAddress address)
    {
        if (lease is null)
        {
            return null;
        }

        var tokenName = inputs.Names.TokenSecret;
        var properties = lease["properties"] as JsonObject;
        var renewAt = Time(properties?[TokenRenewalLoop.Timer]);
        var validUntil = SecretRecord.ReadValidUntil(Text(token?["description"]));
        var restart = $"up mints a new {tokenName} and sets the timer again";
        string? stopped = null;
        if (Text(properties?[TokenRenewalLoop.Status]) == VerifyOutputs.TokenLeaseFailed)
        {
            var why = Text(properties?[TokenRenewalLoop.Error]) ?? "no reason recorded";
            stopped = $"its last renewal failed ({why}; lease updated {Text(lease["updatedAt"]) ?? "at an unknown time"}); fix the cause (a refused key: spacelift:apiKeyId and spacelift:apiKeySecret), then {restart}";
        }
        else if (renewAt is null)
        {
            stopped = $"its timer ({TokenRenewalLoop.Timer}) is empty; {restart}";
        }
        else if (renewAt <= now)
        {
            stopped = $"its timer ({TokenRenewalLoop.Timer} {Format(renewAt.Value)}) is past and was not set again; {restart}";
        }
        else if (validUntil is { } until && until <= now)
        {
            stopped = $"{tokenName} expired at {Format(until)}; {restart}";
        }

        if (stopped is not null)
        {
            return new Diagnostic(Severity.Warning, $"the self-renewing {tokenName} has stopped: {stopped}", address);
        }

        var expires = validUntil is { } at ? $", before the token expires at {Format(at)}" : "";
        return new Diagnostic(Severity.Info, $"{tokenName} renews itself in Port: next at {Format(renewAt!.Value)}{expires} (infra:tokenRenewalLoop)", address);
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    private static DateTimeOffset? Time(JsonNode? node)
        => Text(node) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString(SecretRecord.TimeFormat, CultureInfo.InvariantCulture);
}

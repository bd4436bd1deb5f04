using System.Globalization;
using System.Text.Json.Nodes;
using Infra.Sdk;

namespace Infra.Cli.Decisions;

/// <summary>
/// Fills a declared body's <see cref="DesiredResource.Expiries"/>, for both executors: when planning, from
/// the expiry recorded with the source's value (null while the value is to be minted in this run, which
/// shows as <see cref="OutputReference.Unknown"/>); when applying, the unknown ones from the value just
/// minted. A time that would already be past when the value is minted is refused rather than written: a
/// timer armed in the past fires at once, and a loop that sets it again from the same lifetime would never rest.
/// </summary>
public static class ExpiryReferences
{
    /// <summary>The text of a time in a filled field: <see cref="SecretRecord.TimeFormat"/>, what jq's <c>todate</c> prints.</summary>
    public static string Format(DateTimeOffset at) => at.UtcDateTime.ToString(SecretRecord.TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>The sources whose values the resource's fields are set from.</summary>
    public static IEnumerable<ResourceAddress> Sources(DesiredResource resource) => resource.Expiries.Select(e => e.Source);

    /// <summary>
    /// A copy of the declared body with each field set from its source's expiry, or
    /// <see cref="OutputReference.Unknown"/> where <paramref name="expiry"/> gives none (the value is minted in
    /// this run, or there is none yet). A field that <paramref name="live"/> holds as the same instant,
    /// spelled otherwise (with milliseconds, say), keeps the live spelling, so it is not a difference.
    /// </summary>
    /// <param name="expiry">The expiry of a source's value as it will stand when the field is written, if known now.</param>
    public static JsonObject Resolve(DesiredResource resource, Func<ResourceAddress, DateTimeOffset?> expiry, JsonObject? live = null)
    {
        if (resource.Expiries.Count == 0)
        {
            return resource.Body;
        }

        var body = resource.Body.DeepClone().AsObject();
        foreach (var reference in resource.Expiries)
        {
            if (expiry(reference.Source) is not { } until)
            {
                Set(body, reference.Path, OutputReference.Unknown);
                continue;
            }

            var at = until - reference.Before;
            Set(body, reference.Path, Read(live, reference.Path) is { } held && SameSecond(held, at) ? held : Format(at));
        }

        return body;
    }

    /// <summary>
    /// A resolved body's unknown fields set from the values minted in this run, or why it cannot be
    /// written: a source was not minted, or its new value expires too soon for a field to lie ahead of
    /// <paramref name="now"/>.
    /// </summary>
    /// <param name="resolved">The resource with the body <see cref="Resolve"/> gave when planning.</param>
    /// <param name="minted">The expiry of a value minted in this run; null when it was not minted.</param>
    public static (JsonObject? Body, string? Problem) Complete(DesiredResource resolved, Func<ResourceAddress, DateTimeOffset?> minted, DateTimeOffset now)
    {
        var unknown = resolved.Expiries.Where(e => Read(resolved.Body, e.Path) == OutputReference.Unknown).ToList();
        if (unknown.Count == 0)
        {
            return (resolved.Body, null);
        }

        var body = resolved.Body.DeepClone().AsObject();
        foreach (var reference in unknown)
        {
            if (minted(reference.Source) is not { } until)
            {
                return (null, $"{reference.Source.Id} was not minted in this run, so {reference.Field} cannot be set");
            }

            if (TooSoon(reference, until, now) is { } problem)
            {
                return (null, problem);
            }

            Set(body, reference.Path, Format(until - reference.Before));
        }

        return (body, null);
    }

    /// <summary>
    /// Why a value minted at <paramref name="now"/> that expires at <paramref name="expiry"/> cannot set
    /// the field: its lifetime is not longer than the time the field lies before the expiry. Null when it can.
    /// </summary>
    public static string? TooSoon(ExpiryReference reference, DateTimeOffset expiry, DateTimeOffset now)
    {
        var at = expiry - reference.Before;
        if (at > now)
        {
            return null;
        }

        var advice = reference.Advice is null ? "" : "; " + reference.Advice;
        return $"{reference.Field} would be {Format(at)}, already past: the {reference.Source.Id} minted now is valid for {SecretRenewal.Human(expiry - now)}, "
            + $"not longer than the {SecretRenewal.Human(reference.Before)} before its expiry that {reference.Field} is set to{advice}";
    }

    /// <summary>Whether a filled body still waits on a value to be minted.</summary>
    public static bool HasUnknowns(DesiredResource resource, JsonObject body)
        => resource.Expiries.Any(e => Read(body, e.Path) == OutputReference.Unknown);

    /// <summary>The string at <paramref name="path"/>, or null.</summary>
    public static string? Read(JsonObject? body, IReadOnlyList<string> path)
    {
        JsonNode? node = body;
        foreach (var name in path)
        {
            node = (node as JsonObject)?[name];
        }

        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }

    /// <summary>Sets the field at <paramref name="path"/>, making the objects on the way (a body or a provider's inputs).</summary>
    public static void Set(JsonObject body, IReadOnlyList<string> path, string value)
    {
        var parent = body;
        foreach (var name in path.SkipLast(1))
        {
            if (parent[name] is not JsonObject next)
            {
                next = [];
                parent[name] = next;
            }

            parent = next;
        }

        parent[path[^1]] = value;
    }

    private static bool SameSecond(string text, DateTimeOffset at)
        => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var held)
            && held.ToUnixTimeSeconds() == at.ToUnixTimeSeconds();
}

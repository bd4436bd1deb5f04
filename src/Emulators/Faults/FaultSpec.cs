using System.Globalization;

namespace Emulators.Faults;

/// <summary>
/// The fault spec language: comma-separated <c>service[.group]:kind=share</c>, for example
/// <c>port:429=0.1,port.entities:drop=0.05,spacelift.query:503=0.2</c>. Services are <c>port</c> and
/// <c>spacelift</c>; kinds <c>429 500 502 503 drop slow</c>; shares are between 0 and 1.
/// </summary>
public static class FaultSpec
{
    public const string AuthGroup = "auth";

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> GroupsByService = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["port"] = [AuthGroup, "blueprints", "entities", "search", "actions", "runs", "secrets", "webhooks", "ingest"],
        ["spacelift"] = [AuthGroup, "query", "mutation"],
    };

    private static readonly Dictionary<string, FaultKind> Kinds = new(StringComparer.Ordinal)
    {
        ["429"] = FaultKind.TooManyRequests,
        ["500"] = FaultKind.InternalServerError,
        ["502"] = FaultKind.BadGateway,
        ["503"] = FaultKind.ServiceUnavailable,
        ["drop"] = FaultKind.Drop,
        ["slow"] = FaultKind.Slow,
    };

    /// <summary>Text for <c>--help</c>.</summary>
    public static string Help =>
        "SPEC is comma-separated service[.group]:kind=share, e.g. port:429=0.1,spacelift.query:drop=0.05. "
        + "Services and groups: port (auth, blueprints, entities, search, actions, runs, secrets, webhooks, ingest), spacelift (auth, query, mutation). "
        + "Kinds: 429, 500, 502, 503, drop (connection aborted), slow (response held back). Share: 0..1. "
        + "Token routes (the auth group) are spared unless named explicitly, e.g. spacelift.auth:500=0.5.";

    public static IReadOnlyList<FaultRule> Parse(string? spec)
    {
        if (string.IsNullOrWhiteSpace(spec))
        {
            return [];
        }

        return spec.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(ParseRule).ToArray();
    }

    private static FaultRule ParseRule(string part)
    {
        var colon = part.IndexOf(':', StringComparison.Ordinal);
        var equals = part.IndexOf('=', StringComparison.Ordinal);
        if (colon <= 0 || equals < colon)
        {
            throw new FaultSpecException($"fault spec part '{part}' is not service[.group]:kind=share");
        }

        var target = part[..colon].Split('.', 2);
        var service = target[0];
        var group = target.Length == 2 ? target[1] : null;
        if (!GroupsByService.TryGetValue(service, out var groups))
        {
            throw new FaultSpecException($"fault spec part '{part}': unknown service '{service}' (port, spacelift)");
        }

        if (group is not null && !groups.Contains(group))
        {
            throw new FaultSpecException($"fault spec part '{part}': unknown {service} group '{group}' ({string.Join(", ", groups)})");
        }

        var kindText = part[(colon + 1)..equals];
        if (!Kinds.TryGetValue(kindText, out var kind))
        {
            throw new FaultSpecException($"fault spec part '{part}': unknown kind '{kindText}' ({string.Join(", ", Kinds.Keys)})");
        }

        var shareText = part[(equals + 1)..];
        if (!double.TryParse(shareText, NumberStyles.Float, CultureInfo.InvariantCulture, out var share) || share is < 0 or > 1 || double.IsNaN(share))
        {
            throw new FaultSpecException($"fault spec part '{part}': share '{shareText}' is not a number from 0 to 1");
        }

        return new FaultRule(service, group, kind, share);
    }
}

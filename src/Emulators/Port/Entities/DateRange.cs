using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Emulators.Port.Http;
using Emulators.Port.Validation;

namespace Emulators.Port.Entities;

/// <summary>
/// The value of a <c>between</c> / <c>notBetween</c> rule: <c>{from, to}</c> date-times or a <c>{preset}</c>.
/// The presets are the OpenAPI's (<c>today</c>, <c>tomorrow</c>, <c>yesterday</c>, <c>lastDay</c>, <c>lastWeek</c>,
/// <c>last2Weeks</c>, <c>lastMonth</c>, <c>last3Months</c>, <c>last6Months</c>, <c>last12Months</c>), with the
/// spans port-docs <c>search-and-query/operators/comparison-operators.md</c> gives ("lastMonth - In the past
/// 30 days", "last12Months - In the past 365 days"...). Calendar days are UTC days (Port does not say).
/// </summary>
internal sealed record DateRange(DateTimeOffset From, DateTimeOffset To)
{
    public bool Contains(DateTimeOffset at) => at >= From && at <= To;

    public static DateRange Parse(JsonNode? value, string path, DateTimeOffset now)
    {
        var range = JsonChecks.Object(value, $"{path}/value");
        if (range.ContainsKey("preset"))
        {
            var preset = JsonChecks.String(range, "preset", $"{path}/value");
            var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
            return preset switch
            {
                "today" => new(today, today.AddDays(1).AddTicks(-1)),
                "tomorrow" => new(today.AddDays(1), today.AddDays(2).AddTicks(-1)),
                "yesterday" => new(today.AddDays(-1), today.AddTicks(-1)),
                "lastDay" => new(now.AddDays(-1), now),
                "lastWeek" => new(now.AddDays(-7), now),
                "last2Weeks" => new(now.AddDays(-14), now),
                "lastMonth" => new(now.AddDays(-30), now),
                "last3Months" => new(now.AddDays(-90), now),
                "last6Months" => new(now.AddDays(-180), now),
                "last12Months" => new(now.AddDays(-365), now),
                _ => throw PortApiError.Invalid($"{path}/value/preset '{preset}' is not one of Port's date presets"),
            };
        }

        return new(Date(range, "from", path), Date(range, "to", path));
    }

    /// <summary>A date-time value, or null when the value is not a date-time string.</summary>
    public static DateTimeOffset? Read(JsonNode? value)
        => value is JsonValue v && v.GetValueKind() == JsonValueKind.String
            && DateTimeOffset.TryParse(v.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? at
                : null;

    private static DateTimeOffset Date(JsonObject range, string key, string path)
        => Read(range[key]) ?? throw PortApiError.Invalid($"{path}/value/{key} must be a date-time string");
}

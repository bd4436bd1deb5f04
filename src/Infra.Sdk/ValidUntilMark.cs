namespace Infra.Sdk;

/// <summary>
/// The record of a JWT's expiry in its secret's description, the segment <c>validUntil:&lt;UTC time&gt;</c>
/// (<see cref="TimeFormat"/>), after the owner mark and separated like it. <c>up</c> writes it when it
/// mints the token; the token automation writes it with jq's <c>todate</c>, which prints exactly this
/// format, so a token the automation refreshed reads back as this program's own and is not re-minted.
/// </summary>
public static class ValidUntilMark
{
    public const string Prefix = "validUntil:";

    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>The segment as a Port template: <paramref name="unixSeconds"/> is a jq path to Spacelift's <c>validUntil</c>.</summary>
    public static string Template(string unixSeconds) => OwnerMark.Separator + Prefix + "{{ " + unixSeconds + " | todate }}";
}

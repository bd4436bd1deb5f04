namespace Infra.Cli.Port;

/// <summary>A Port access token and when to fetch the next one (before Port's <c>expiresIn</c> runs out).</summary>
internal sealed record PortToken(string Value, DateTimeOffset RenewAt);

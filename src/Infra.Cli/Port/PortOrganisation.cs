using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Infra.Cli.Config;
using Infra.Cli.Http;
using Infra.Sdk.Port;

namespace Infra.Cli.Port;

/// <summary>The Port organisation a stack's configuration names, as its program sees it.</summary>
public sealed class PortOrganisation(PortSettings settings, IPortClient port) : IPortOrganisation
{
    /// <summary>Port's system blueprint of teams: identifier = the team's identifier, title = its name.</summary>
    private const string TeamBlueprint = "_team";

    // One search per name and run, however often the program declares (an executor may ask it twice).
    private readonly ConcurrentDictionary<string, Lazy<Task<string?>>> _teams = new(StringComparer.Ordinal);

    public Uri BaseUrl => settings.BaseUrl;

    public async Task<IReadOnlyDictionary<string, string>> TeamIdentifiersAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(names);
        var distinct = names.Distinct(StringComparer.Ordinal).ToList();
        var found = await Task.WhenAll(distinct.Select(name => _teams.GetOrAdd(name, n => new Lazy<Task<string?>>(() => FindAsync(n, cancellationToken))).Value)).ConfigureAwait(false);
        var identifiers = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < distinct.Count; i++)
        {
            if (found[i] is { } identifier)
            {
                identifiers[distinct[i]] = identifier;
            }
        }

        return identifiers;
    }

    /// <summary>
    /// The team's identifier by its name, the way Port's Terraform provider finds it: the <c>_team</c> entity whose
    /// title is the name, identifier only (port-labs/terraform-provider-port-labs <c>internal/cli/team.go</c>
    /// <c>enrichTeamFromTeamEntity</c>, e26439a); none is an unknown team, more than one an answer not to guess from.
    /// </summary>
    private async Task<string?> FindAsync(string name, CancellationToken cancellationToken)
    {
        var query = new JsonObject
        {
            ["combinator"] = "and",
            ["rules"] = new JsonArray(
                new JsonObject { ["property"] = "$blueprint", ["operator"] = "=", ["value"] = TeamBlueprint },
                new JsonObject { ["property"] = "$title", ["operator"] = "=", ["value"] = name }),
        };
        var entities = await port.SearchEntitiesAsync(query, ["identifier"], cancellationToken).ConfigureAwait(false);
        return entities.Count switch
        {
            0 => null,
            1 => JsonWire.String(entities[0]["identifier"]) is { Length: > 0 } identifier
                ? identifier
                : throw new PortProtocolException(HttpStatusCode.OK, $"POST /v1/entities/search: the team '{name}' came back without an identifier"),
            var n => throw new PortProtocolException(HttpStatusCode.OK, $"POST /v1/entities/search: {n} teams are named '{name}', and Port names teams uniquely"),
        };
    }
}

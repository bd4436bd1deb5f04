using Infra.Sdk;
using Infra.Sdk.Port;

namespace Infra.Stacks;

/// <summary>
/// Looks up, through the Port organisation the program is handed, the identifiers of the teams its policies
/// name: with a protected label, <c>infra:triggerTeams</c>, <c>infra:protectedTeams</c> and
/// <c>infra:protectedApproverTeams</c> (without one no rule names a team, and nothing is looked up). A team
/// Port does not know is a configuration error naming the key and the team, before anything is written; when
/// the program declares without reading data (destroy, refresh, verify) it keeps the name instead, so a team
/// deleted in Port never blocks removing what names it.
/// </summary>
internal static class TeamNamesConfig
{
    public static async Task<IntegrationInputs> ResolveAsync(IntegrationInputs inputs, ProgramContext context, CancellationToken cancellationToken)
    {
        if (inputs.Permissions.Protected is not { } shielded)
        {
            return inputs;
        }

        var config = context.Config;
        (string Key, IReadOnlyList<string> Teams)[] keyed =
        [
            ($"{config.Project}:triggerTeams", inputs.Permissions.Trigger.Teams),
            ($"{config.Project}:protectedTeams", shielded.Teams),
            ($"{config.Project}:protectedApproverTeams", shielded.ApproverTeams),
        ];
        var names = keyed.SelectMany(k => k.Teams).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            return inputs;
        }

        var found = await context.Service<IPortOrganisation>().TeamIdentifiersAsync(names, cancellationToken).ConfigureAwait(false);
        if (context.ReadsData)
        {
            foreach (var (key, teams) in keyed)
            {
                if (teams.FirstOrDefault(t => !found.ContainsKey(t)) is { } unknown)
                {
                    throw config.Invalid(key, $"names the team '{unknown}', which Port does not know: name teams as Port's UI shows them (Users & Teams)", config.Get(key));
                }
            }
        }

        return inputs with { Teams = new TeamIdentifiers(found) };
    }
}

using Infra.Sdk;
using Infra.Sdk.Port;
using Infra.Sdk.Spacelift;

namespace Infra.Stacks;

/// <summary>
/// Reads the program's inputs: its own keys (<c>infra:blueprint</c>, <c>infra:nameSuffix</c>,
/// <c>infra:tokenRotationWindowMinutes</c>, the self-renewing token, live updates, who may run the actions and the catalogue) from the stack's
/// configuration, and the Port organisation and Spacelift account from the services it is handed. Every
/// bad value is one configuration error naming the key, before anything is read or written.
/// </summary>
internal static class IntegrationConfig
{
    /// <summary>At most a week: a longer window would re-mint a 10-hour token on every run.</summary>
    private const long MaxRenewalMinutes = 7 * 24 * 60;

    public static IntegrationInputs Read(ProgramContext context)
    {
        var config = context.Config;
        var spacelift = context.Service<ISpaceliftAccount>();
        var port = context.Service<IPortOrganisation>();
        var suffix = Suffix(config);
        return new IntegrationInputs(Blueprint(config), port.BaseUrl, spacelift.Url, new Secret(spacelift.ApiKeyId), spacelift.ApiKeySecret)
        {
            Names = new ResourceNames(suffix),
            Owner = context.Owner,
            Live = LiveUpdatesConfig.Read(config, suffix),
            Permissions = RunPermissionsConfig.Read(config),
            Catalogue = CatalogueConfig.Read(config),
            TeamLabelPrefix = StackTeams.Prefix(config),
            TokenRenewal = TimeSpan.FromMinutes(RenewalMinutes(config)),
            RenewalLoop = RenewalLoopConfig.Read(config),
            SecretWriter = context.SecretWriter,
            TokenMinter = spacelift.TokenMinter,
        };
    }

    private static string Blueprint(IStackConfig config)
    {
        var key = $"{config.Project}:blueprint";
        return config.Get(key)?.Text ?? throw config.Invalid(key, "is not set");
    }

    /// <summary>Unset or empty: no suffix, the guide's names.</summary>
    private static string Suffix(IStackConfig config)
    {
        var key = $"{config.Project}:nameSuffix";
        var value = config.Get(key);
        if (value is null)
        {
            return string.Empty;
        }

        return NameSuffix.Problem(value.Text) is { } problem ? throw config.Invalid(key, $"is '{value.Text}': it {problem}", value) : value.Text;
    }

    private static long RenewalMinutes(IStackConfig config)
    {
        var key = $"{config.Project}:tokenRotationWindowMinutes";
        var minutes = config.GetInteger(key) ?? throw config.Invalid(key, "is not set");
        return minutes is >= 1 and <= MaxRenewalMinutes
            ? minutes
            : throw config.Invalid(key, $"must be between 1 and {MaxRenewalMinutes}, got '{minutes}'", config.Get(key));
    }
}

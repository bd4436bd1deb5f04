using Infra.Sdk;

namespace Infra.Stacks;

/// <summary>
/// What the declarations need, read from configuration and the services by <see cref="IntegrationConfig"/>:
/// pure data, so the same inputs always give the same bodies. <see cref="Owner"/>, when set, is written
/// into every resource's description (see <see cref="OwnerMark"/>); <see cref="Live"/> is set when live
/// updates are on.
/// </summary>
public sealed record IntegrationInputs(string Blueprint, Uri PortBaseUrl, Uri SpaceliftEndpoint, Secret ApiKeyId, Secret ApiKeySecret)
{
    /// <summary>This stack's identifiers (<c>infra:nameSuffix</c>): the guide's by default.</summary>
    public ResourceNames Names { get; init; } = ResourceNames.Guide;

    public StackOwner? Owner { get; init; }

    public LiveUpdates? Live { get; init; }

    /// <summary>Who may run the actions: Port's defaults unless configured.</summary>
    public RunPermissions Permissions { get; init; } = RunPermissions.PortDefault;

    /// <summary>Port's identifiers of the teams the policies name (<see cref="TeamNamesConfig"/>); names until looked up.</summary>
    public TeamIdentifiers Teams { get; init; } = TeamIdentifiers.AsNamed;

    /// <summary>The label prefix that names a stack's owning team (<c>infra:teamLabelPrefix</c>); null: teams are left as Port has them.</summary>
    public string? TeamLabelPrefix { get; init; }

    /// <summary>Each labelled stack's owning teams, as Port's identifiers (<see cref="StackTeams"/>); stacks not listed declare no team.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> StackTeams { get; init; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>How close to its expiry the token is minted again (<c>infra:tokenRotationWindowMinutes</c>).</summary>
    public TimeSpan TokenRenewal { get; init; } = TimeSpan.FromMinutes(180);

    /// <summary>The full catalogue (<c>infra:catalogue: full</c>): spaces and runs too. Null: the guide's stacks only.</summary>
    public Catalogue? Catalogue { get; init; }

    /// <summary>The full catalogue's identifiers.</summary>
    public CatalogueNames CatalogueNames => new(Names.Suffix);
    /// <summary>The self-renewing token (<c>infra:tokenRenewalLoop</c>); null when it is turned off.</summary>
    public RenewalLoop? RenewalLoop { get; init; }

    /// <summary>The writer mark the executor records with a token it mints, which the loop's automation records too.</summary>
    public string? SecretWriter { get; init; }

    /// <summary>Mints the token at apply time; declaring never calls it.</summary>
    public ISecretMinter TokenMinter { get; init; } = UnavailableMinter.Instance;

    /// <summary>The live-update resources' identifiers.</summary>
    public LiveUpdateNames LiveNames => new(Names.Suffix);

    /// <summary>Spacelift's GraphQL endpoint, where both webhooks post.</summary>
    public string SpaceliftGraphQlUrl => Trim(SpaceliftEndpoint) + "/graphql";

    /// <summary>Port's own route for the token secret, which the automation PATCHes.</summary>
    public string TokenSecretUrl => Trim(PortBaseUrl) + "/v1/organization/secrets/" + Names.TokenSecret;

    /// <summary>The Spacelift UI page of one stack (the entity's <c>link</c>).</summary>
    public string StackLink(string stackId) => Trim(SpaceliftEndpoint) + "/stack/" + Uri.EscapeDataString(stackId);

    /// <summary><paramref name="description"/> with the owner mark when there is an owner.</summary>
    public string Marked(string description) => Owner is null ? description : OwnerMark.Append(description, Owner);

    private static string Trim(Uri uri) => uri.AbsoluteUri.TrimEnd('/');
}

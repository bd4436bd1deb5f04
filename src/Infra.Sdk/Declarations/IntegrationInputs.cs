namespace Infra.Sdk.Declarations;

/// <summary>
/// What the declarations need from configuration. <paramref name="Token"/> says where the
/// SPACELIFT_TOKEN secret's value comes from. <paramref name="Names"/> are this stack's identifiers
/// (null: the guide's); <paramref name="Owner"/>, when set, is written into every resource's
/// description (see <see cref="OwnerMark"/>). <paramref name="Live"/> is set when live updates are on.
/// <paramref name="Permissions"/> says who may run the actions (null: Port's defaults).
/// </summary>
public sealed record IntegrationInputs(
    string Blueprint,
    Uri PortBaseUrl,
    Uri SpaceliftEndpoint,
    Secret ApiKeyId,
    Secret ApiKeySecret,
    TokenSource Token,
    ResourceNames? Names = null,
    StackOwner? Owner = null,
    LiveUpdates? Live = null,
    RunPermissions? Permissions = null)
{
    /// <summary>Who may run the actions: the configured permissions, or Port's defaults.</summary>
    public RunPermissions Access => Permissions ?? RunPermissions.PortDefault;

    /// <summary>This stack's identifiers.</summary>
    public ResourceNames Identifiers => Names ?? ResourceNames.Guide;

    /// <summary>The live-update resources' identifiers.</summary>
    public LiveUpdateNames LiveNames => new(Identifiers.Suffix);

    /// <summary>Spacelift's GraphQL endpoint, where both webhooks post.</summary>
    public string SpaceliftGraphQlUrl => Trim(SpaceliftEndpoint) + "/graphql";

    /// <summary>Port's own route for the token secret, which the automation PATCHes.</summary>
    public string TokenSecretUrl => Trim(PortBaseUrl) + "/v1/organization/secrets/" + Identifiers.TokenSecret;

    /// <summary>The Spacelift UI page of one stack (the entity's <c>link</c>).</summary>
    public string StackLink(string stackId) => Trim(SpaceliftEndpoint) + "/stack/" + Uri.EscapeDataString(stackId);

    /// <summary><paramref name="description"/> with the owner mark when there is an owner.</summary>
    public string Marked(string description) => Owner is null ? description : OwnerMark.Append(description, Owner);

    private static string Trim(Uri uri) => uri.AbsoluteUri.TrimEnd('/');
}

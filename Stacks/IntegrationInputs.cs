using Infra.Model;

namespace Infra.Stacks;

/// <summary>
/// What the declarations need from configuration. <paramref name="Token"/> says where the
/// SPACELIFT_TOKEN secret's value comes from.
/// </summary>
public sealed record IntegrationInputs(
    string Blueprint,
    Uri PortBaseUrl,
    Uri SpaceliftEndpoint,
    Secret ApiKeyId,
    Secret ApiKeySecret,
    TokenSource Token)
{
    /// <summary>Spacelift's GraphQL endpoint, where both webhooks post.</summary>
    public string SpaceliftGraphQlUrl => Trim(SpaceliftEndpoint) + "/graphql";

    /// <summary>Port's own route for the token secret, which the automation PATCHes.</summary>
    public string TokenSecretUrl => Trim(PortBaseUrl) + "/v1/organization/secrets/" + ResourceNames.TokenSecret;

    /// <summary>The Spacelift UI page of one stack (the entity's <c>link</c>).</summary>
    public string StackLink(string stackId) => Trim(SpaceliftEndpoint) + "/stack/" + Uri.EscapeDataString(stackId);

    private static string Trim(Uri uri) => uri.AbsoluteUri.TrimEnd('/');
}

using Infra.Sdk.ProviderInputs;

namespace Infra.Sdk;

public sealed partial class ResourceKind
{
    /// <summary>
    /// Organisation secrets, the one special case among the kinds: Port takes the value but never
    /// returns it, so only name and description can be compared, the value travels beside the body
    /// (<see cref="DesiredResource.SecretValue"/>), and the planner keeps a keyed fingerprint (or, for
    /// the minted JWT, its expiry) in the description to know when to write it again. A change is a
    /// PATCH of the fields that change.
    /// </summary>
    public static ResourceKind Secret { get; } = new()
    {
        Name = "Secret",
        TypeToken = "port:index/organizationSecret:OrganizationSecret",
        Order = 1,
        Collection = "v1/organization/secrets",
        EnvelopeKey = "secret",
        IdentifierField = "secretName",
        UpdateMethod = HttpMethod.Patch,
        WriteOnlyValueField = "secretValue",
        ComparedFields = ["secretName", "description"],
        ProviderInputs = new SecretInputs(),
    };
}

namespace Infra.Sdk;

public sealed partial class ResourceKind
{
    /// <summary>
    /// Organisation secrets, the one special case among the kinds: Port takes the value but never
    /// returns it, so only name and description can be compared, the value travels beside the body
    /// (<see cref="DesiredResource.Value"/>), and the planner keeps a keyed fingerprint (or, for
    /// the minted JWT, its expiry) in the description to know when to write it again. A change is a
    /// PATCH of the fields that change.
    /// </summary>
    public static ResourceKind Secret { get; } = new()
    {
        Name = "Secret",
        TypeToken = "port:index/organizationSecret:OrganizationSecret",
        IdentifierField = "secretName",
        WriteOnlyValueField = "secretValue",
        ComparedFields = ["secretName", "description"],
    };
}

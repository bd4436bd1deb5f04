namespace Infra.Sdk;

public sealed partial class ResourceKind
{
    /// <summary>
    /// A Spacelift notification policy (live updates): space-level, attached to no stack, routing tracked
    /// runs' state changes to the named webhook. Spacelift derives its id from its name; its type is
    /// fixed at creation.
    /// </summary>
    public static ResourceKind SpaceliftPolicy { get; } = new()
    {
        Name = "SpaceliftPolicy",
        TypeToken = "spacelift:index/policy:Policy",
        Service = ResourceService.Spacelift,
        IdentifierField = "name",
    };
}

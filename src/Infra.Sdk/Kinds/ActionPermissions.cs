namespace Infra.Sdk;

public sealed partial class ResourceKind
{
    /// <summary>
    /// Who may execute and approve one action: <c>GET</c>/<c>PATCH v1/actions/{id}/permissions</c>, with
    /// <c>execute</c> and <c>approve</c>. It lives in its action (<see cref="LivesIn"/>): Port creates it
    /// with Port's defaults when the action is created and removes it with the action, so it is never
    /// POSTed or DELETEd, only PATCHed; its owner is the action's. The body names the action in
    /// <c>actionIdentifier</c> (the provider's input), which is not sent and not compared. Port's lists
    /// are sets: their order never counts as a difference.
    /// </summary>
    public static ResourceKind ActionPermissions { get; } = new()
    {
        Name = "ActionPermissions",
        TypeToken = "port:index/actionPermissions:ActionPermissions",
        IdentifierField = "actionIdentifier",
        ComparedFields = ["execute", "approve"],
        UnorderedArrays = true,
        LivesInKind = nameof(Action),
    };
}

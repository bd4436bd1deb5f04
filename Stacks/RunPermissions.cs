namespace Infra.Stacks;

/// <summary>
/// Who may run the two self-service actions: <paramref name="Trigger"/> for <c>trigger_spacelift_stack</c>,
/// <paramref name="Refresh"/> for <c>refresh_spacelift_token</c>, and the stacks that need more
/// (<paramref name="Protected"/>, null when no label is named).
/// </summary>
public sealed record RunPermissions(ActionAccess Trigger, ActionAccess Refresh, ProtectedStacks? Protected = null)
{
    /// <summary>What Port gives a new action: an organisation adopted as it is shows no change.</summary>
    public static RunPermissions PortDefault { get; } = new(ActionAccess.PortDefault, ActionAccess.PortDefault);
}

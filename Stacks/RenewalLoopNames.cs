namespace Infra.Stacks;

/// <summary>
/// The identifiers of the self-renewing token's resources, derived from <c>infra:nameSuffix</c> like the
/// others (<see cref="ResourceNames"/>). The lease entity is named after the secret it renews.
/// </summary>
public sealed record RenewalLoopNames(ResourceNames Names)
{
    /// <summary>The lease's blueprint.</summary>
    public string Blueprint => Identifier("spacelift_token_lease");

    /// <summary>The lease entity: one per token, named after its secret.</summary>
    public string Lease => Names.TokenSecret;

    /// <summary>On the lease's timer: asks Spacelift for a new token.</summary>
    public string Renew => Identifier("spacelift_token_renew");

    /// <summary>On a renewal that gave a token: writes it into the token secret.</summary>
    public string Store => Identifier("spacelift_token_renew_store");

    /// <summary>On a renewal that gave a token: sets the lease's timer again.</summary>
    public string Rearm => Identifier("spacelift_token_renew_rearm");

    /// <summary>On a renewal that gave none: marks the lease FAILED with the reason.</summary>
    public string Failed => Identifier("spacelift_token_renew_failed");

    /// <summary>On the refresh action's run (a click on the guide's button): sets the lease's timer from the token it wrote.</summary>
    public string RefreshRearm => Identifier("spacelift_token_refresh_rearm");

    private string Identifier(string name) => Names.Suffix.Length == 0 ? name : name + "_" + Names.Suffix;
}

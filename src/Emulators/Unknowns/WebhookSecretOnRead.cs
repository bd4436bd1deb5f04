namespace Emulators.Unknowns;

/// <summary>
/// What Port puts in a webhook's <c>security.secret</c> when it answers one (GET, list, and the answers
/// of create and update). Port's sources do not say: the Terraform provider reads the field back, but its
/// acceptance test never checks the value (docs/unknowns.md).
/// </summary>
public enum WebhookSecretOnRead
{
    /// <summary>The secret in clear, as stored (what the emulator did before the switch existed).</summary>
    Returned,

    /// <summary>No <c>secret</c> key under <c>security</c>.</summary>
    Omitted,

    /// <summary>A fixed mask (<see cref="Mask"/>) in place of the secret: a string that is not the secret.</summary>
    Masked,
}

/// <summary>The mask <see cref="WebhookSecretOnRead.Masked"/> answers.</summary>
public static class WebhookSecretMask
{
    public const string Mask = "********";
}

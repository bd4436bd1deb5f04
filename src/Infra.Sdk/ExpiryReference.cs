namespace Infra.Sdk;

/// <summary>
/// The field at <paramref name="Path"/> of a body (<c>properties.renew_at</c>) takes the time the minted
/// secret at <paramref name="Source"/> expires, less <paramref name="Before"/>: a timer armed from the value
/// an executor mints. The expiry is the one recorded with the value in its service
/// (<see cref="SecretRecord"/>), or the new one when the executor mints the value in the same run, so the
/// field is known once the value is minted and plans show <see cref="OutputReference.Unknown"/> until then.
/// The time is written as <see cref="SecretRecord.TimeFormat"/> (ISO 8601, UTC, to the second: what jq's
/// <c>todate</c> prints), so a Port automation that sets the same field from the same expiry writes the same text.
/// </summary>
public sealed record ExpiryReference(IReadOnlyList<string> Path, ResourceAddress Source, TimeSpan Before)
{
    /// <summary>
    /// What to change when a value minted now expires too soon for the field (its lifetime is not longer
    /// than <see cref="Before"/>, so the time would already be past): a setting of the program, say.
    /// </summary>
    public string? Advice { get; init; }

    /// <summary>The path as messages show it: <c>properties.renew_at</c>.</summary>
    public string Field => string.Join('.', Path);
}

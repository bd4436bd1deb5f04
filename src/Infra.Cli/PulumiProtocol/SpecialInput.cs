using Infra.Sdk;

namespace Infra.Cli.PulumiProtocol;

/// <summary>
/// A top-level input that is not plain JSON: a secret (sent wrapped, so the engine stores and shows it
/// encrypted), or a value not known yet in a preview (optionally secret).
/// </summary>
public sealed record SpecialInput
{
    private SpecialInput(Secret? value, bool isSecret)
    {
        Value = value;
        IsSecret = isSecret;
    }

    /// <summary>The secret's value; null when the value is unknown.</summary>
    public Secret? Value { get; }

    public bool IsSecret { get; }

    public bool IsUnknown => Value is null;

    public static SpecialInput SecretValue(Secret value) => new(value ?? throw new ArgumentNullException(nameof(value)), isSecret: true);

    /// <summary>A secret whose value only the apply step will know (a preview never mints).</summary>
    public static SpecialInput UnknownSecret { get; } = new(null, isSecret: true);

    public static SpecialInput Unknown { get; } = new(null, isSecret: false);

    public override string ToString() => IsUnknown ? "[unknown]" : Secret.Mask;
}

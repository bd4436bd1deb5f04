namespace Infra.Sdk;

/// <summary>
/// A secret value. It renders as <c>[secret]</c> everywhere (ToString, JSON converters that call
/// ToString, string interpolation) so that a value cannot reach output by accident; the clear text
/// is only reachable through <see cref="Reveal"/>, which the HTTP clients call when they build a body.
/// </summary>
public sealed class Secret : IEquatable<Secret>
{
    public const string Mask = "[secret]";
    private readonly string _value;

    public Secret(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    public string Reveal() => _value;

    public override string ToString() => Mask;

    public bool Equals(Secret? other) => other is not null && string.Equals(_value, other._value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is Secret other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_value);
}

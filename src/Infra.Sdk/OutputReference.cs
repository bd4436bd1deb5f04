namespace Infra.Sdk;

/// <summary>
/// The top-level field <paramref name="Field"/> of a body takes the value of <paramref name="SourceField"/>
/// of the resource at <paramref name="Source"/> as its service holds it (a webhook's ingest url, which Port
/// makes up; a named webhook's id, which Spacelift makes up). Until that resource exists the value is not
/// known: plans show <see cref="Unknown"/>.
/// </summary>
public sealed record OutputReference(string Field, ResourceAddress Source, string SourceField)
{
    /// <summary>What a plan shows for a value only the apply step will know, as Pulumi shows it.</summary>
    public const string Unknown = "(known after apply)";

    /// <summary>Where <see cref="Template"/> takes the output.</summary>
    public const string Slot = "${output}";

    /// <summary>
    /// The field's text around the output, which goes in place of <see cref="Slot"/> (a policy's rule naming a
    /// webhook's id, say); null when the field is the output itself.
    /// </summary>
    public string? Template { get; init; }

    /// <summary>The field's value for the output <paramref name="value"/> (or <see cref="Unknown"/>).</summary>
    public string Fill(string value) => Template?.Replace(Slot, value, StringComparison.Ordinal) ?? value;
}

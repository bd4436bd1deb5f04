namespace Infra.Sdk;

/// <summary>
/// The top-level field <paramref name="Field"/> of a body takes the value of <paramref name="SourceField"/>
/// of the resource at <paramref name="Source"/> as its service holds it (a webhook's ingest url, which Port
/// makes up). Until that resource exists the value is not known: plans show <see cref="Unknown"/>.
/// </summary>
public sealed record OutputReference(string Field, ResourceAddress Source, string SourceField)
{
    /// <summary>What a plan shows for a value only the apply step will know, as Pulumi shows it.</summary>
    public const string Unknown = "(known after apply)";
}

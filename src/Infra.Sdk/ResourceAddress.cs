using System.Text.Json.Serialization;

namespace Infra.Sdk;

/// <summary>
/// Names one managed resource. <see cref="Id"/> is the Port identifier (secret name for secrets).
/// <see cref="Type"/> is the Pulumi Port provider's type token, so output reads like Pulumi's.
/// An entity's identifier is only unique within its blueprint, so its address carries
/// <see cref="Blueprint"/> too: renaming the blueprint plans a create and a delete of the same
/// identifier, and they must stay two addresses.
/// </summary>
public sealed record ResourceAddress(ResourceKind Kind, string Id, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Blueprint = null)
{
    [JsonIgnore]
    public string Type => Kind.TypeToken;

    /// <summary>The URN's name part: <c>blueprint/identifier</c> for an entity, the identifier otherwise.</summary>
    [JsonIgnore]
    public string Name => Blueprint is null ? Id : $"{Blueprint}/{Id}";

    /// <summary>A Pulumi-style URN for the resource within a stack.</summary>
    public string Urn(string project, string stack) => $"urn:pulumi:{stack}::{project}::{Type}::{Name}";

    public override string ToString() => $"{Type} {Name}";
}

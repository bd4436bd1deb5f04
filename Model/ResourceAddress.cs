namespace Infra.Model;

/// <summary>
/// Names one managed resource. <see cref="Id"/> is the Port identifier (secret name for secrets).
/// <see cref="Type"/> is the Pulumi Port provider's type token, so output reads like Pulumi's.
/// </summary>
public sealed record ResourceAddress(ResourceKind Kind, string Id)
{
    public string Type => Kind.TypeToken;

    /// <summary>A Pulumi-style URN for the resource within a stack.</summary>
    public string Urn(string project, string stack) => $"urn:pulumi:{stack}::{project}::{Type}::{Id}";

    public override string ToString() => $"{Type} {Id}";
}

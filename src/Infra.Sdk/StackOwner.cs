namespace Infra.Sdk;

/// <summary>
/// The stack that owns a resource in Port: the project and stack names, as <c>--stack</c> and
/// <c>Pulumi.yaml</c> give them. Two stacks that write one Port organisation are told apart by it.
/// </summary>
public sealed record StackOwner(string Project, string Stack)
{
    public override string ToString() => $"{Project}/{Stack}";
}

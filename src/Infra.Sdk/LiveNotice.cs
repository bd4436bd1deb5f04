namespace Infra.Sdk;

/// <summary>A note the executor shows when <paramref name="Address"/> exists in Port; the program does not manage it.</summary>
public sealed record LiveNotice(ResourceAddress Address, Diagnostic Note);

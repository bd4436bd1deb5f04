using Infra.Sdk;

namespace Infra.Cli.Spacelift;

/// <summary>A JWT from <c>apiKeyUser</c>; <see cref="ValidUntil"/> is Spacelift's own <c>validUntil</c>.</summary>
public sealed record SpaceliftToken(Secret Jwt, DateTimeOffset ValidUntil);

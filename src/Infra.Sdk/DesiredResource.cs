using System.Text.Json.Nodes;

namespace Infra.Sdk;

/// <summary>
/// One resource as the declarations want it. <see cref="Body"/> is the JSON Port is sent (treated as
/// immutable: callers deep-clone before changing it). For secrets the body carries
/// <c>secretName</c> and <c>description</c>; the value travels separately in <see cref="SecretValue"/>
/// so that the body can be printed, diffed and stored without leaking it. A secret declared without a
/// value is one the executor mints (the Spacelift token, <c>TokenSource.Minted</c>).
/// </summary>
public sealed record DesiredResource(ResourceAddress Address, JsonObject Body, Secret? SecretValue = null);

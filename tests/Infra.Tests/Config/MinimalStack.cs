namespace Infra.Tests.Config;

/// <summary>A stack file with only the keys that have no default: tests append the keys they are about.</summary>
internal static class MinimalStack
{
    public const string Yaml = """
        config:
          port:clientId: client-id
          port:secret: port-secret-value
          spacelift:apiKeyEndpoint: https://acme.app.spacelift.io
          spacelift:apiKeyId: 01SPACELIFTKEY
          spacelift:apiKeySecret: spacelift-secret-value

        """;
}

using Infra.Cli.Config;
using Infra.Cli.Config.Secrets;

namespace Infra.Tests.Config;

public sealed class SecretHeuristicsTests
{
    [Theory]
    [InlineData("port", "secret", "aB3dE6gH9jK2mN5pQ8sT")]
    [InlineData("spacelift", "apiKeySecret", "f81c2e9a4b7d03e6c5f1a8b2d9e4c7f0")]
    [InlineData("infra", "dbPassword", "Zx9!qW2@eR4#tY6$")]
    [InlineData("infra", "githubToken", "ghp_4kR9sLm2QxT7vN1bZ8wY")]
    public void RandomValueUnderASecretishNameLooksSecret(string ns, string name, string value)
    {
        Assert.True(SecretHeuristics.LooksLikeSecret(new ConfigKey(ns, name), value));
    }

    [Theory]
    [InlineData("port", "secret", "emulator")]
    [InlineData("port", "secret", "aaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("port", "secret", "")]
    [InlineData("port", "clientId", "aB3dE6gH9jK2mN5pQ8sT")]
    [InlineData("spacelift", "apiKeyId", "01HZX4K9Q2W7E5R8T3Y6U1I0OP")]
    public void NameOrValueThatDoesNotLookSecretPasses(string ns, string name, string value)
    {
        Assert.False(SecretHeuristics.LooksLikeSecret(new ConfigKey(ns, name), value));
    }
}

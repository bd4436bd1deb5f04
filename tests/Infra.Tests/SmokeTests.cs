namespace Infra.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void SecretRendersMasked() => Assert.Equal("[secret]", new Infra.Sdk.Secret("x").ToString());
}

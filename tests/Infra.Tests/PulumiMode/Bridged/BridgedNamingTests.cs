using Infra.Cli.PulumiMode.Bridged;

namespace Infra.Tests.PulumiMode.Bridged;

/// <summary>The renderers' type tokens and input names are the bridge's for the recorded Terraform schema.</summary>
public sealed class BridgedNamingTests
{
    [Fact]
    public void TheRenderersTypeTokensAreTheBridgesForTheTerraformResources()
    {
        var schema = TerraformSchema.Spacelift;

        Assert.Equal(NamedWebhookInputs.Type, BridgeNames.ResourceToken(SpaceliftPackage.Name, schema.Prefix, "spacelift_named_webhook"));
        Assert.Equal(PolicyInputs.Type, BridgeNames.ResourceToken(SpaceliftPackage.Name, schema.Prefix, "spacelift_policy"));
        Assert.Equal("pulumi:providers:" + SpaceliftPackage.Name, SpaceliftPackage.ProviderType);
    }

    [Fact]
    public void TheTokenRuleGivesTheTokensOfTheBridgesOwnGoldenSchema()
    {
        // dynamic/testdata/TestSchemaGeneration/hashicorp/random-3.3.0.golden at the bridge commit in SOURCE.md.
        Assert.Equal("random:index/id:Id", BridgeNames.ResourceToken("random", "random", "random_id"));
        Assert.Equal("random:index/password:Password", BridgeNames.ResourceToken("random", "random", "random_password"));
        Assert.Equal("random:index/uuid:Uuid", BridgeNames.ResourceToken("random", "random", "random_uuid"));
    }

    [Theory]
    [InlineData("space_id", false, "spaceId")]
    [InlineData("retry_on_failure", false, "retryOnFailure")]
    [InlineData("secret_wo_version", false, "secretWoVersion")]
    [InlineData("engine_type", false, "engineType")]
    [InlineData("labels", true, "labels")]
    [InlineData("api_key_endpoint", false, "apiKeyEndpoint")]
    [InlineData("b64_std", false, "b64Std")]
    public void AttributeNamesBecomeTheirCamelCase(string terraform, bool collection, string pulumi)
        => Assert.Equal(pulumi, BridgeNames.PropertyName(terraform, collection));

    [Fact]
    public void TheSchemaCopyNamesTheCommitThePackageIsPinnedTo()
    {
        Assert.Equal("e3cde6318c306333749fd0ac11f3e1536682f4a1", TerraformSchema.Spacelift.Commit);
        Assert.Equal("v" + SpaceliftPackage.Version, TerraformSchema.Spacelift.Tag);
        Assert.Equal(["spacelift_named_webhook", "spacelift_policy"], TerraformSchema.Spacelift.Resources.Order(StringComparer.Ordinal));
    }
}

using FakePulumiEngine.Cli;
using Infra.Cli.PulumiMode.Bridged;

namespace Infra.Tests.PulumiMode.Bridged;

/// <summary>
/// The <c>packages:</c> entry <c>pulumi package add terraform-provider spacelift-io/spacelift 1.53.5</c> writes into
/// Pulumi.yaml (pulumi/pulumi 1b5949891b3cefcb9974752b24a5ecef0acc86c8: <c>pkg/cmd/pulumi/packagecmd/package_add.go</c>
/// sets the resolved plugin spec's <c>parameters</c> to the command's arguments; <c>terraform-provider</c> is resolved
/// without the registry, <c>pkg/registry/preregistry.go</c>, to its installed or latest version,
/// <c>pkg/cmd/pulumi/packageresolution/package_resolution.go</c>; <c>sdk/go/common/workspace/project.go</c> writes a
/// spec with parameters in the object form), as Pulumi.yaml carries it, pinned to this program's versions.
/// </summary>
public sealed class PackagesEntryTests
{
    public const string Entry =
        "packages:\n" +
        "  spacelift:\n" +
        "    source: terraform-provider\n" +
        "    version: 1.1.3\n" +
        "    parameters:\n" +
        "      - spacelift-io/spacelift\n" +
        "      - 1.53.5\n";

    [Fact]
    public void TheEntryIsValidForThePulumiCli()
    {
        var project = PulumiProject.Parse("name: infra\nruntime: dotnet\n" + Entry, "Pulumi.yaml");

        Assert.Equal("infra", project.Name);
    }

    [Fact]
    public void TheEntryPinsTheVersionsTheProgramRegisters()
    {
        var entry = YamlTree.Parse(Entry, "Pulumi.yaml")!["packages"]![SpaceliftPackage.Name]!;

        Assert.Equal(SpaceliftPackage.PluginName, entry["source"]!.GetValue<string>());
        Assert.Equal(SpaceliftPackage.PluginVersion, entry["version"]!.GetValue<string>());
        Assert.Equal(["spacelift-io/spacelift", SpaceliftPackage.Version], entry["parameters"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.EndsWith("/" + entry["parameters"]![0]!.GetValue<string>(), SpaceliftPackage.RegistryAddress, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEntryWithParametersAsAStringIsRefusedByTheCli()
    {
        // Proof the CLI's schema check reads the entry: parameters must be a list of strings.
        var broken = Entry.Replace("    parameters:\n      - spacelift-io/spacelift\n      - 1.53.5\n", "    parameters: spacelift-io/spacelift\n", StringComparison.Ordinal);

        Assert.Throws<PulumiCliException>(() => PulumiProject.Parse("name: infra\nruntime: dotnet\n" + broken, "Pulumi.yaml"));
    }
}

using System.Text;
using System.Text.Json.Nodes;
using FakePulumiEngine;
using Google.Protobuf;
using Infra.Cli.PulumiMode.Bridged;
using Infra.Cli.PulumiProtocol;
using Infra.Cli.PulumiProtocol.Wire;

namespace Infra.Tests.PulumiMode.Bridged;

/// <summary>
/// RegisterPackage and packageRef on the wire (field numbers of pulumi/pulumi <c>proto/pulumi/resource.proto</c>,
/// commit 1b5949891b3cefcb9974752b24a5ecef0acc86c8), and the client against the fake engine's rules
/// (tests/FakePulumiEngine/SOURCE.md).
/// </summary>
public sealed class PackageProtocolTests
{
    private static readonly PackageRegistration Random = new(
        "terraform-provider", "1.1.3", "", new PackageParameterization("random", "3.3.0", SpaceliftPackage.Parameter("registry.opentofu.org/hashicorp/random", "3.3.0")));

    [Fact]
    public void ARegisterPackageRequestUsesUpstreamsFieldNumbers()
    {
        var parameter = SpaceliftPackage.Registration.Parameterization!.Value.ToArray();
        var parameterization = Bytes(Field(1, "spacelift"), Field(2, "1.53.5"), Field(3, parameter));
        // name = 1, version = 2, download_url = 3 (empty, so absent), parameterization = 5.
        var expected = Bytes(Field(1, "terraform-provider"), Field(2, "1.1.3"), Field(5, parameterization));

        Assert.Equal(expected, PulumiEngineClient.PackageRequest(SpaceliftPackage.Registration).ToByteArray());
    }

    [Fact]
    public void ADownloadUrlIsFieldThree()
    {
        var request = PulumiEngineClient.PackageRequest(new PackageRegistration("p", "", "https://example.org/plugins"));

        Assert.Equal(Bytes(Field(1, "p"), Field(3, "https://example.org/plugins")), request.ToByteArray());
    }

    [Fact]
    public void PackageRefIsFieldThirtyThreeOfARegistration()
    {
        // Tag (33 << 3) | 2 = 266, a two-byte varint: 0x8A 0x02.
        Assert.Equal(Bytes([0x8A, 0x02, 0x03], Encoding.UTF8.GetBytes("ref")), new RegisterResourceRequest { PackageRef = "ref" }.ToByteArray());
    }

    [Fact]
    public void TheEnginesAnswerCarriesTheReferenceInFieldOne()
    {
        var response = new RegisterPackageResponse { Ref = "r-1" };

        Assert.Equal(Bytes(Field(1, "r-1")), response.ToByteArray());
    }

    [Fact]
    public async Task TheEngineReportsParameterizationAndTheSwitchTurnsItOff()
    {
        await using var on = await FakeEngine.StartAsync(new FakeEngineOptions());
        await using var off = await FakeEngine.StartAsync(new FakeEngineOptions { SupportsParameterization = false });
        await using var onClient = PulumiEngineClient.Connect(on.Address, on.Address);
        await using var offClient = PulumiEngineClient.Connect(off.Address, off.Address);

        Assert.True(await onClient.SupportsFeatureAsync("parameterization", CancellationToken.None));
        Assert.True(await onClient.SupportsFeatureAsync("secrets", CancellationToken.None));
        Assert.False(await onClient.SupportsFeatureAsync("noSuchFeature", CancellationToken.None));
        Assert.False(await offClient.SupportsFeatureAsync("parameterization", CancellationToken.None));
    }

    [Fact]
    public async Task TheSameRequestGetsTheSameReferenceAndAnotherRequestAnother()
    {
        await using var engine = await FakeEngine.StartAsync(new FakeEngineOptions());
        await using var client = PulumiEngineClient.Connect(engine.Address, engine.Address);

        var first = await client.RegisterPackageAsync(SpaceliftPackage.Registration, CancellationToken.None);
        var again = await client.RegisterPackageAsync(SpaceliftPackage.Registration with { DownloadUrl = "" }, CancellationToken.None);
        var other = await client.RegisterPackageAsync(Random, CancellationToken.None);
        var slash = await client.RegisterPackageAsync(Random with { DownloadUrl = "https://example.org/" }, CancellationToken.None);
        var noSlash = await client.RegisterPackageAsync(Random with { DownloadUrl = "https://example.org" }, CancellationToken.None);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(slash, noSlash);
        Assert.True(Guid.TryParse(first, out _));
        Assert.Equal(3, engine.Packages.Packages.Count);
    }

    [Fact]
    public async Task TheEngineRecordsTheParameterization()
    {
        await using var engine = await FakeEngine.StartAsync(new FakeEngineOptions());
        await using var client = PulumiEngineClient.Connect(engine.Address, engine.Address);

        var reference = await client.RegisterPackageAsync(SpaceliftPackage.Registration, CancellationToken.None);

        var package = Assert.Single(engine.Packages.Packages);
        Assert.Equal(reference, package.Reference);
        Assert.Equal(("terraform-provider", "1.1.3", "spacelift", "1.53.5"), (package.Name, package.Version, package.ParameterizationName, package.ParameterizationVersion));
        Assert.Equal(SpaceliftPackage.Registration.Parameterization!.Value, package.ParameterValue!);
        var recorded = Assert.Single(engine.Calls, c => c.Method == "RegisterPackage").Request;
        Assert.Equal(Convert.ToBase64String([.. SpaceliftPackage.Registration.Parameterization.Value]), recorded["parameterization"]!["value"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("", "1.1.3", "1.53.5", "package name is empty")]
    [InlineData("terraform-provider", "v1.1.3", "1.53.5", "parse package version v1.1.3")]
    [InlineData("terraform-provider", "1.1.3", "1.53", "parse parameter version 1.53")]
    public async Task ARequestTheEngineCannotParseIsRefused(string name, string version, string packageVersion, string message)
    {
        await using var engine = await FakeEngine.StartAsync(new FakeEngineOptions());
        await using var client = PulumiEngineClient.Connect(engine.Address, engine.Address);
        var request = new PackageRegistration(name, version, "", new PackageParameterization("spacelift", packageVersion, [1]));

        var error = await Assert.ThrowsAsync<EngineCallException>(() => client.RegisterPackageAsync(request, CancellationToken.None));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(engine.Packages.Packages);
    }

    [Fact]
    public async Task ARegistrationWithAReferenceTheEngineNeverGaveIsRefused()
    {
        await using var engine = await FakeEngine.StartAsync(new FakeEngineOptions { State = [] });
        await using var client = PulumiEngineClient.Connect(engine.Address, engine.Address);
        await client.RegisterPackageAsync(SpaceliftPackage.Registration, CancellationToken.None);
        var registration = new ResourceRegistration(PolicyInputs.Type, "p", Custom: true, Parent: "", Inputs: [], Version: SpaceliftPackage.Version, PackageRef: "f00d");

        var error = await Assert.ThrowsAsync<EngineCallException>(() => client.RegisterResourceAsync(registration, CancellationToken.None));

        Assert.Contains("unknown provider package 'f00d'", error.Message, StringComparison.Ordinal);
        Assert.Empty(engine.Options.State!);
    }

    [Fact]
    public async Task ARegistrationWithAnAllocatedReferenceGoesThroughWithItsReference()
    {
        await using var engine = await FakeEngine.StartAsync(new FakeEngineOptions());
        await using var client = PulumiEngineClient.Connect(engine.Address, engine.Address);
        var reference = await client.RegisterPackageAsync(SpaceliftPackage.Registration, CancellationToken.None);

        var registered = await client.RegisterResourceAsync(new ResourceRegistration(PolicyInputs.Type, "p", true, "", new JsonObject { ["name"] = "p" }, Version: SpaceliftPackage.Version, PackageRef: reference), CancellationToken.None);

        Assert.True(registered.Succeeded);
        Assert.Equal(reference, Assert.Single(engine.Calls, c => c.Method == "RegisterResource").Request["packageRef"]!.GetValue<string>());
    }

    [Fact]
    public async Task AVersionThatIsNotSemverIsRefusedEvenWithAPackageRef()
    {
        await using var engine = await FakeEngine.StartAsync(new FakeEngineOptions());
        await using var client = PulumiEngineClient.Connect(engine.Address, engine.Address);
        var reference = await client.RegisterPackageAsync(SpaceliftPackage.Registration, CancellationToken.None);

        var error = await Assert.ThrowsAsync<EngineCallException>(() => client.RegisterResourceAsync(new ResourceRegistration(PolicyInputs.Type, "p", true, "", [], Version: "v1.53.5", PackageRef: reference), CancellationToken.None));

        Assert.Contains("parse provider request", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PackageReferencesAskOnceAndRegisterEachPackageOnce()
    {
        await using var engine = await FakeEngine.StartAsync(new FakeEngineOptions());
        await using var client = PulumiEngineClient.Connect(engine.Address, engine.Address);
        var references = new PackageReferences(client);

        var resolved = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => references.ResolveAsync(SpaceliftPackage.Registration, CancellationToken.None)));
        var other = await references.ResolveAsync(Random, CancellationToken.None);

        Assert.Single(resolved.Distinct());
        Assert.NotEqual(resolved[0], other);
        Assert.Equal(2, engine.Calls.Count(c => c.Method == "RegisterPackage"));
        Assert.Single(engine.Calls, c => c.Method == "SupportsFeature");
    }

    [Fact]
    public async Task AnEngineWithoutParameterizationIsNeverSentAPackage()
    {
        await using var engine = await FakeEngine.StartAsync(new FakeEngineOptions { SupportsParameterization = false });
        await using var client = PulumiEngineClient.Connect(engine.Address, engine.Address);
        var references = new PackageReferences(client);

        var error = await Assert.ThrowsAsync<EngineFeatureMissingException>(() => references.ResolveAsync(SpaceliftPackage.Registration, CancellationToken.None));

        Assert.Equal("parameterization", error.Feature);
        Assert.DoesNotContain(engine.Calls, c => c.Method == "RegisterPackage");
    }

    [Fact]
    public async Task AnOldEngineAnswersRegisterPackageUnimplemented()
    {
        await using var engine = await FakeEngine.StartAsync(new FakeEngineOptions { SupportsParameterization = false });
        await using var client = PulumiEngineClient.Connect(engine.Address, engine.Address);

        var error = await Assert.ThrowsAsync<EngineCallException>(() => client.RegisterPackageAsync(SpaceliftPackage.Registration, CancellationToken.None));

        Assert.Contains("Unimplemented", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Field(int number, string text) => Field(number, Encoding.UTF8.GetBytes(text));

    private static byte[] Field(int number, byte[] content)
    {
        // Length-delimited (wire type 2); every field here is below 16 and shorter than 128 bytes.
        Assert.True(number < 16 && content.Length < 128);
        return Bytes([(byte)((number << 3) | 2), (byte)content.Length], content);
    }

    private static byte[] Bytes(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}

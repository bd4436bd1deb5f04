using System.Text.Json;
using Infra.Cli.Engine;
using Infra.Sdk;
using Infra.Stacks;

namespace Infra.Tests.Engine;

/// <summary>No secret value in the plan, the results or the state file.</summary>
public sealed class SecretSafetyTests : IDisposable
{
    private static readonly string[] SecretValues = [EngineFixture.PortSecret, EngineFixture.ApiKeySecret, EngineFixture.ApiKeyId, "eyJ.jwt-"];

    private readonly EngineFixture _f = new(stacks: 3);

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task ThePlanHasNoSecretValueInAnyField()
    {
        // Given: drift on every secret so each shows a diff, and a stack description that quotes a secret
        await _f.RunAsync();
        foreach (var name in new[] { ResourceNames.Guide.ApiKeyIdSecret, ResourceNames.Guide.ApiKeySecretSecret, ResourceNames.Guide.TokenSecret })
        {
            _f.Port.SetSecretOutOfBand(name, "x", "edited");
        }

        _f.Spacelift.Stacks[0] = _f.Spacelift.Stacks[0] with { Description = "key is " + EngineFixture.ApiKeySecret };

        // When
        var plan = await _f.PreviewAsync();
        var json = JsonSerializer.Serialize(plan);

        // Then
        Assert.Equal(4, plan.ChangeLines().Length);
        Assert.All(SecretValues, s => Assert.DoesNotContain(s, json, StringComparison.Ordinal));
        Assert.Contains(Secret.Mask, json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStateFileHasNoSecretValue()
    {
        // Given
        await _f.RunAsync();
        _f.Spacelift.Stacks.RemoveAt(0);
        await _f.RunAsync();

        // When
        var text = await File.ReadAllTextAsync(_f.StateFile);

        // Then
        Assert.Contains("space_lift_stack", text, StringComparison.Ordinal);
        Assert.All(SecretValues, s => Assert.DoesNotContain(s, text, StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(_f.StateDir, "*.tmp"));
    }

    [Fact]
    public async Task TheSecretDescriptionHoldsAKeyedFingerprintNotAHashOfTheValue()
    {
        await _f.RunAsync();

        var description = _f.Port.SecretDescription(ResourceNames.Guide.ApiKeySecretSecret)!;

        Assert.Matches(@"^Managed by infra · owner:infra/dev · fp:[A-Za-z0-9_-]{22}$", description);
        var plainHash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(EngineFixture.ApiKeySecret)));
        Assert.DoesNotContain(plainHash[..10], description, StringComparison.Ordinal);
    }
}

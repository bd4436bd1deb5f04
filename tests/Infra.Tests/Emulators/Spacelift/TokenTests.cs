using System.Text;
using System.Text.Json;
using Emulators.Hosting;
using Emulators.Spacelift;
using Microsoft.Extensions.Time.Testing;

namespace Infra.Tests.Emulators.Spacelift;

/// <summary>apiKeyUser, the JWT it issues, and how the API treats missing, bad and expired tokens.</summary>
public sealed class TokenTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    private EmulatorHost _host = null!;
    private GraphQLTestClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = 5, Time = _clock });
        _client = new GraphQLTestClient(_host.SpaceliftGraphQLUrl);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task JwtHasTheClaimsClientsParse()
    {
        var response = await _client.PostAsync(GraphQLTestClient.SpacectlTokenMutation, new { id = GraphQLTestClient.KeyId, secret = GraphQLTestClient.KeySecret });

        var user = response.AssertOk().Data.GetProperty("apiKeyUser");
        var parts = user.GetProperty("jwt").GetString()!.Split('.');
        Assert.Equal(3, parts.Length);
        var header = Decode(parts[0]);
        var claims = Decode(parts[1]);
        Assert.Equal("HS256", header.GetProperty("alg").GetString());
        var audience = Assert.Single(claims.GetProperty("aud").EnumerateArray());
        Assert.Equal(_host.SpaceliftUrl.ToString().TrimEnd('/'), audience.GetString());
        Assert.Equal("api-key", claims.GetProperty("iss").GetString());
        Assert.Equal($"api::{GraphQLTestClient.KeyId}", claims.GetProperty("sub").GetString());
        Assert.True(Ulid.IsValid(claims.GetProperty("jti").GetString()));
        var issuedAt = claims.GetProperty("iat").GetInt64();
        Assert.Equal(_clock.GetUtcNow().ToUnixTimeSeconds(), issuedAt);
        Assert.Equal(issuedAt, claims.GetProperty("nbf").GetInt64());
        Assert.Equal(issuedAt + 36000, claims.GetProperty("exp").GetInt64());
        Assert.Equal(claims.GetProperty("exp").GetInt64(), user.GetProperty("validUntil").GetInt64());
    }

    [Fact]
    public async Task UnknownKeyIdGivesNullWithoutError()
    {
        var response = await _client.PostAsync(GraphQLTestClient.SpacectlTokenMutation, new { id = "01UNKNOWNUNKNOWNUNKNOWN000", secret = "x" });

        Assert.Equal(JsonValueKind.Null, response.AssertOk().Data.GetProperty("apiKeyUser").ValueKind);
    }

    [Fact]
    public async Task WrongSecretGivesNullAndUnauthorized()
    {
        var response = await _client.PostAsync(GraphQLTestClient.SpacectlTokenMutation, new { id = GraphQLTestClient.KeyId, secret = "wrong" });

        Assert.Equal("unauthorized", Assert.Single(response.ErrorMessages));
        Assert.Equal(JsonValueKind.Null, response.Data.GetProperty("apiKeyUser").ValueKind);
    }

    [Fact]
    public async Task WrongSecretCanBeConfiguredToGiveNullAlone()
    {
        _host.Spacelift.WrongSecretIsError = false;

        var response = await _client.PostAsync(GraphQLTestClient.SpacectlTokenMutation, new { id = GraphQLTestClient.KeyId, secret = "wrong" });

        Assert.Equal(JsonValueKind.Null, response.AssertOk().Data.GetProperty("apiKeyUser").ValueKind);
    }

    [Fact]
    public async Task ViewerNamesTheCallerWithAValidToken()
    {
        var token = await _client.MintTokenAsync();

        var response = await _client.PostAsync("{viewer{id name}}", token: token);

        Assert.Equal(GraphQLTestClient.KeyId, response.AssertOk().Data.GetProperty("viewer").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("garbage")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJqdGkiOiJ4In0.c2lnbmF0dXJl")]
    public async Task QueriesWithoutAValidTokenSeeAnEmptyAccount(string? token)
    {
        await AssertEmptyAccountAsync(token);
    }

    [Fact]
    public async Task ExpiredTokenSeesAnEmptyAccountAndMutationsAreUnauthorized()
    {
        var token = await _client.MintTokenAsync();
        await AssertSeesStacksAsync(token);

        _clock.Advance(TimeSpan.FromHours(10));

        await AssertEmptyAccountAsync(token);
        await AssertRunTriggerUnauthorizedAsync(token);
    }

    [Fact]
    public async Task ExpireAllEndsEveryIssuedTokenNowButNotLaterOnes()
    {
        var old = await _client.MintTokenAsync();

        _host.Spacelift.Tokens.ExpireAll();
        var fresh = await _client.MintTokenAsync();

        await AssertEmptyAccountAsync(old);
        await AssertSeesStacksAsync(fresh);
    }

    [Fact]
    public async Task LifetimeChangedAtRunTimeAppliesToNewTokens()
    {
        _host.Spacelift.Tokens.Lifetime = TimeSpan.FromHours(1);
        var token = await _client.MintTokenAsync();

        _clock.Advance(TimeSpan.FromMinutes(59));
        await AssertSeesStacksAsync(token);
        _clock.Advance(TimeSpan.FromMinutes(1));

        await AssertEmptyAccountAsync(token);
    }

    [Fact]
    public async Task TokenFromAnotherEmulatorInstanceIsRejected()
    {
        await using var other = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = 1 });
        using var otherClient = new GraphQLTestClient(other.SpaceliftGraphQLUrl);
        var foreign = await otherClient.MintTokenAsync();

        await AssertEmptyAccountAsync(foreign);
    }

    private async Task AssertSeesStacksAsync(string token)
    {
        var response = await _client.PostAsync("{stacks{id}}", token: token);
        Assert.Equal(5, response.AssertOk().Data.GetProperty("stacks").GetArrayLength());
    }

    private async Task AssertEmptyAccountAsync(string? token)
    {
        var stackId = _host.Spacelift.Stacks.All()[0].Id;
        var response = await _client.PostAsync(
            "query($id:ID!$input:SearchInput!){viewer{id},stacks{id},stack(id: $id){id},searchStacks(input: $input){edges{node{id}},pageInfo{hasNextPage}}}",
            new { id = stackId, input = new { first = 50 } },
            token);

        var data = response.AssertOk().Data;
        Assert.Equal(JsonValueKind.Null, data.GetProperty("viewer").ValueKind);
        Assert.Equal(0, data.GetProperty("stacks").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("stack").ValueKind);
        Assert.Equal(0, data.GetProperty("searchStacks").GetProperty("edges").GetArrayLength());
        Assert.False(data.GetProperty("searchStacks").GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    private async Task AssertRunTriggerUnauthorizedAsync(string token)
    {
        var response = await _client.PostAsync("mutation($s:ID!){runTrigger(stack: $s){id}}", new { s = _host.Spacelift.Stacks.All()[0].Id }, token);

        Assert.Equal("unauthorized", Assert.Single(response.ErrorMessages));
        Assert.Equal(JsonValueKind.Null, response.Data.ValueKind);
        Assert.Empty(_host.Spacelift.Runs.All());
    }

    private static JsonElement Decode(string part)
    {
        var base64 = part.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - (base64.Length % 4)) % 4);
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(base64))).RootElement;
    }
}

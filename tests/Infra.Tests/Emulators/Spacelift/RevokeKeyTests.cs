using System.Text.Json;
using Emulators.Hosting;

namespace Infra.Tests.Emulators.Spacelift;

/// <summary>A revoked API key: the exchange answers null, and its tokens end now or at their exp as the caller chooses.</summary>
public sealed class RevokeKeyTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ARevokedKeyGetsNoTokenAndItsTokensEndAsChosen(bool endIssuedTokens)
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = 1 });
        var tokens = host.Spacelift.Tokens;
        using var client = new GraphQLTestClient(host.SpaceliftGraphQLUrl);
        var token = await client.MintTokenAsync();

        Assert.True(tokens.RevokeApiKey(GraphQLTestClient.KeyId, endIssuedTokens));

        var exchange = await client.PostAsync(GraphQLTestClient.SpacectlTokenMutation, new { id = GraphQLTestClient.KeyId, secret = GraphQLTestClient.KeySecret });
        Assert.False(exchange.HasErrors);
        Assert.Equal(JsonValueKind.Null, exchange.Data.GetProperty("apiKeyUser").ValueKind);
        Assert.False(tokens.IsAdmin(GraphQLTestClient.KeyId));
        var viewer = (await client.PostAsync("{ viewer { id } }", token: token)).Data.GetProperty("viewer");
        Assert.Equal(endIssuedTokens ? JsonValueKind.Null : JsonValueKind.Object, viewer.ValueKind);
        Assert.False(tokens.RevokeApiKey(GraphQLTestClient.KeyId, endIssuedTokens));
    }
}

using System.Net;
using System.Text;

namespace Infra.Tests.Emulators.Spacelift;

/// <summary>Responses are shaped like Spacelift's server library writes them.</summary>
public sealed class ResponseShapeTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task ValidationErrorIsHttp200WithErrorsAndNoDataKey()
    {
        var response = await fixture.Client.PostAsync("{ stacks { id nope } }");

        Assert.Equal(200, response.Status);
        Assert.False(response.Root.TryGetProperty("data", out _), response.Text);
        Assert.Equal("Cannot query field \"nope\" on type \"Stack\". Did you mean \"name\"?", Assert.Single(response.ErrorMessages));
        Assert.False(response.Root.GetProperty("errors")[0].TryGetProperty("extensions", out _));
    }

    [Fact]
    public async Task ErrorsAreSerialisedBeforeData()
    {
        var response = await fixture.Client.PostAsync(GraphQLTestClient.SpacectlTokenMutation, new { id = GraphQLTestClient.KeyId, secret = "wrong" });

        Assert.True(response.Text.IndexOf("\"errors\"", StringComparison.Ordinal) < response.Text.IndexOf("\"data\"", StringComparison.Ordinal), response.Text);
    }

    [Fact]
    public async Task VariableOfWrongTypeNameIsRejected()
    {
        var token = await fixture.Client.MintTokenAsync();

        var response = await fixture.Client.PostAsync("query($input:StackSearchInput!){searchStacks(input: $input){pageInfo{hasNextPage}}}", new { input = new { first = 1 } }, token);

        Assert.NotEmpty(response.ErrorMessages);
        Assert.False(response.Root.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task MalformedJsonBodyIsHttp400()
    {
        using var http = new HttpClient();

        using var response = await http.PostAsync(fixture.Host.SpaceliftGraphQLUrl, new StringContent("{not json", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task UnicodeNamesAreWrittenAsUtf8()
    {
        var token = await fixture.Client.MintTokenAsync();

        var response = await fixture.Client.PostAsync("{stacks{name}}", token: token);

        Assert.Contains("Zürich façade", response.AssertOk().Text, StringComparison.Ordinal);
    }
}

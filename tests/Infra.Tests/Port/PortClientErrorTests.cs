using System.Net;
using System.Text.Json.Nodes;
using Infra.Cli.Diagnostics;
using Infra.Sdk;
using Infra.Cli.Port;
using Infra.Tests.Port.Support;

namespace Infra.Tests.Port;

public sealed class PortClientErrorTests
{
    private static readonly JsonObject Blueprint = new() { ["identifier"] = "space_lift_stack", ["title"] = "Spacelift Stack" };

    [Theory]
    [InlineData(HttpStatusCode.NotFound, "not_found", typeof(PortNotFoundException))]
    [InlineData(HttpStatusCode.Conflict, "identifier_taken", typeof(PortValidationException))]
    [InlineData(HttpStatusCode.UnprocessableEntity, "invalid_request", typeof(PortValidationException))]
    [InlineData(HttpStatusCode.Forbidden, "has_dependents", typeof(PortApiException))]
    [InlineData(HttpStatusCode.InternalServerError, "internal_error", typeof(PortApiException))]
    [InlineData(HttpStatusCode.BadRequest, "bad_request", typeof(PortApiException))]
    public async Task MapsEachStatusToItsExceptionType(HttpStatusCode status, string error, Type expected)
    {
        // Given
        var port = new TestPort(_ => Answers.PortError(status, error, "Port says no"));

        // When
        var exception = await Assert.ThrowsAnyAsync<PortApiException>(() => port.Client.CreateBlueprintAsync(Blueprint, CancellationToken.None));

        // Then
        Assert.IsType(expected, exception);
        Assert.Equal(status, exception.StatusCode);
        Assert.Equal(error, exception.Error);
    }

    [Fact]
    public async Task AnswersA401AfterTheTokenRefreshWithPortAuthenticationException()
    {
        var port = new TestPort(_ => Answers.PortError(HttpStatusCode.Unauthorized, "unauthorized", "token revoked"));

        var exception = await Assert.ThrowsAsync<PortAuthenticationException>(() => port.Client.GetBlueprintAsync("space_lift_stack", CancellationToken.None));

        Assert.Equal(ExitCodes.Authentication, exception.ExitCode);
        Assert.Equal("GET /v1/blueprints/space_lift_stack: token revoked (unauthorized, HTTP 401)", exception.Message);
    }

    [Fact]
    public async Task PutsPortsOwnMessageInTheRequestLineFormat()
    {
        var port = new TestPort(_ => Answers.PortError(HttpStatusCode.Forbidden, "has_dependents", "Blueprint has entities"));

        var exception = await Assert.ThrowsAsync<PortApiException>(() => port.Client.DeleteBlueprintAsync("space_lift_stack", CancellationToken.None));

        Assert.Equal("DELETE /v1/blueprints/space_lift_stack: Blueprint has entities (has_dependents, HTTP 403)", exception.Message);
        Assert.Equal(ExitCodes.Authentication, exception.ExitCode);
    }

    [Fact]
    public async Task ReturnsNullWhenPortSaysNotFound()
    {
        var port = new TestPort(_ => Answers.PortError(HttpStatusCode.NotFound, "not_found", "no such action"));

        Assert.Null(await port.Client.GetActionAsync("trigger_spacelift_stack", CancellationToken.None));
        Assert.Null(await port.Client.GetSecretAsync("SPACELIFT_TOKEN", CancellationToken.None));
        Assert.Null(await port.Client.GetBlueprintAsync("space_lift_stack", CancellationToken.None));
    }

    [Fact]
    public async Task DoesNotTakeA404WithoutPortsEnvelopeForAbsent()
    {
        // A wrong base URL answers a bare 404: reading that as "absent" would re-create everything.
        var port = new TestPort(_ => new HttpResponseMessage(HttpStatusCode.NotFound));

        var exception = await Assert.ThrowsAsync<PortProtocolException>(() => port.Client.GetBlueprintAsync("space_lift_stack", CancellationToken.None));

        Assert.Contains("GET /v1/blueprints/space_lift_stack", exception.Message);
        Assert.Contains("HTTP 404", exception.Message);
    }

    [Fact]
    public async Task ReturnsTheResourceOutOfItsEnvelope()
    {
        var port = new TestPort(_ => TestPort.Envelope("blueprint", """{"identifier":"space_lift_stack","title":"Spacelift Stack"}"""));

        var blueprint = await port.Client.GetBlueprintAsync("space_lift_stack", CancellationToken.None);

        Assert.Equal("Spacelift Stack", blueprint!["title"]!.GetValue<string>());
        Assert.Null(blueprint.Parent);
    }

    [Fact]
    public async Task EscapesIdentifiersInTheUrl()
    {
        var port = new TestPort(_ => TestPort.Envelope("action"));

        await port.Client.GetActionAsync("a b/c", CancellationToken.None);

        Assert.Equal("/v1/actions/a%20b%2Fc", port.ApiRequests.Single().Uri.AbsolutePath);
    }

    [Fact]
    public async Task RejectsAnAnswerThatIsNotJsonNamingRouteStatusAndAShortSnippet()
    {
        var html = "<html><body>" + new string('x', 5000) + "</body></html>";
        var port = new TestPort(_ => Answers.Text(HttpStatusCode.OK, html));

        var exception = await Assert.ThrowsAsync<PortProtocolException>(() => port.Client.GetBlueprintAsync("space_lift_stack", CancellationToken.None));

        Assert.StartsWith("GET /v1/blueprints/space_lift_stack: ", exception.Message);
        Assert.Contains("HTTP 200", exception.Message);
        Assert.Contains("<html>", exception.Message);
        Assert.True(exception.Message.Length < 200, exception.Message);
    }

    [Theory]
    [InlineData("""{"blueprint":{"identifier":"x"}}""", "\"ok\"")]
    [InlineData("""{"ok":true}""", "\"blueprint\"")]
    [InlineData("""{"ok":true,"blueprint":"x"}""", "\"blueprint\"")]
    [InlineData("""[1,2]""", "not a JSON object")]
    public async Task RejectsJsonOfTheWrongShape(string body, string named)
    {
        var port = new TestPort(_ => Answers.Ok(body));

        var exception = await Assert.ThrowsAsync<PortProtocolException>(() => port.Client.GetBlueprintAsync("space_lift_stack", CancellationToken.None));

        Assert.Contains(named, exception.Message);
        Assert.Equal(PortProtocolException.InvalidResponse, exception.Error);
    }

    [Fact]
    public async Task RejectsAnErrorStatusWithoutPortsErrorEnvelope()
    {
        var port = new TestPort(_ => Answers.Text(HttpStatusCode.BadRequest, "upstream exploded"), maxRetries: 0);

        var exception = await Assert.ThrowsAsync<PortProtocolException>(() => port.Client.DeleteActionAsync("a", CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Contains("upstream exploded", exception.Message);
    }

    [Fact]
    public async Task ScrubsASecretValueThatPortEchoesInItsMessage()
    {
        const string value = "spacelift-jwt-value-42";
        var port = new TestPort(_ => Answers.PortError(HttpStatusCode.UnprocessableEntity, "invalid_request", $"secretValue {value} is too long"));

        var exception = await Assert.ThrowsAsync<PortValidationException>(
            () => port.Client.CreateSecretAsync("SPACELIFT_TOKEN", new Secret(value), "token", CancellationToken.None));

        Assert.DoesNotContain(value, exception.Message);
        Assert.Contains(Secret.Mask, exception.Message);
    }

    [Fact]
    public async Task ScrubsASecretValueFromTheSnippetOfAnAnswerItCannotRead()
    {
        const string value = "spacelift-jwt-value-43";
        var port = new TestPort(_ => Answers.Text(HttpStatusCode.OK, $"echo {value} echo"));

        var exception = await Assert.ThrowsAsync<PortProtocolException>(
            () => port.Client.UpdateSecretAsync("SPACELIFT_TOKEN", new Secret(value), null, CancellationToken.None));

        Assert.DoesNotContain(value, exception.Message);
        Assert.DoesNotContain("spacelift-jwt", exception.Message);
    }

    [Fact]
    public async Task ScrubsTheClientSecretAndTheTokenFromMessages()
    {
        var port = new TestPort(_ => Answers.PortError(
            HttpStatusCode.BadRequest, "bad_request", $"saw {TestPort.ClientSecret} and port-token-1"));

        var exception = await Assert.ThrowsAsync<PortApiException>(() => port.Client.DeleteSecretAsync("X", CancellationToken.None));

        Assert.DoesNotContain(TestPort.ClientSecret, exception.Message);
        Assert.DoesNotContain("port-token-1", exception.Message);
    }

    [Fact]
    public async Task SendsTheSecretBodiesPortExpects()
    {
        var port = new TestPort(_ => TestPort.Envelope("secret", """{"secretName":"SPACELIFT_TOKEN"}"""));

        await port.Client.CreateSecretAsync("SPACELIFT_TOKEN", new Secret("v1"), "Spacelift token", CancellationToken.None);
        await port.Client.UpdateSecretAsync("SPACELIFT_TOKEN", new Secret("v2"), null, CancellationToken.None);
        await port.Client.UpdateSecretAsync("SPACELIFT_TOKEN", null, "new description", CancellationToken.None);

        var requests = port.ApiRequests;
        Assert.Equal(("POST", "/v1/organization/secrets"), (requests[0].Method.Method, requests[0].Path));
        Assert.Equal("""{"secretName":"SPACELIFT_TOKEN","secretValue":"v1","description":"Spacelift token"}""", requests[0].Body);
        Assert.Equal(("PATCH", "/v1/organization/secrets/SPACELIFT_TOKEN"), (requests[1].Method.Method, requests[1].Path));
        Assert.Equal("""{"secretValue":"v2"}""", requests[1].Body);
        Assert.Equal("""{"description":"new description"}""", requests[2].Body);
    }

    [Fact]
    public async Task ReportsNoAnswerAfterEveryRetryAsPortUnreachable()
    {
        var port = new TestPort(_ => throw new HttpRequestException("Connection reset by peer"), maxRetries: 2);

        var exception = await Assert.ThrowsAsync<PortUnreachableException>(() => port.Client.GetBlueprintAsync("space_lift_stack", CancellationToken.None));

        Assert.StartsWith("Port at https://port.test/ did not answer GET /v1/blueprints/space_lift_stack: connection failed: Connection reset by peer (3 attempts over ", exception.Message);
        Assert.EndsWith("check port:baseUrl / PORT_BASE_URL and that Port is reachable", exception.Message);
        Assert.Equal(3, port.ApiRequests.Count);
        Assert.Equal(ExitCodes.Failure, exception.ExitCode);
    }
}

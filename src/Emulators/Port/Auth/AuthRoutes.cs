using System.Text.Json.Nodes;
using Emulators.Port.Http;
using Emulators.Port.Validation;
using Microsoft.AspNetCore.Builder;

namespace Emulators.Port.Auth;

/// <summary><c>POST /v1/auth/access_token</c>, the one route that needs no bearer token.</summary>
internal sealed class AuthRoutes(TokenIssuer tokens)
{
    public void Map(WebApplication app, PortPipeline pipeline) => pipeline.Map(app, "POST", PortPipeline.TokenPath, Issue);

    private ApiResult Issue(PortRequest request)
    {
        var body = request.ObjectBody();
        JsonChecks.AllowOnly(body, "body", "clientId", "clientSecret");
        var clientId = JsonChecks.String(body, "clientId", "body");
        var clientSecret = JsonChecks.String(body, "clientSecret", "body");
        if (!tokens.CredentialsMatch(clientId, clientSecret))
        {
            throw new PortApiError(401, "unauthorized", "The client id or client secret is wrong");
        }

        var (token, expiresIn) = tokens.Issue();
        return ApiResult.Ok(new JsonObject
        {
            ["accessToken"] = token,
            ["expiresIn"] = (long)Math.Floor(expiresIn.TotalSeconds),
            ["tokenType"] = "Bearer",
        });
    }
}

using System.Net;
using System.Text;

namespace Infra.Tests.Port.Support;

/// <summary>Canned HTTP answers.</summary>
public static class Answers
{
    public static HttpResponseMessage Json(HttpStatusCode status, string json, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    public static HttpResponseMessage Ok(string json, params (string Name, string Value)[] headers) => Json(HttpStatusCode.OK, json, headers);

    public static HttpResponseMessage Text(HttpStatusCode status, string text) =>
        new(status) { Content = new StringContent(text, Encoding.UTF8, "text/html") };

    public static HttpResponseMessage PortError(HttpStatusCode status, string error, string message, params (string Name, string Value)[] headers) =>
        Json(status, $$"""{"ok":false,"error":"{{error}}","message":"{{message}}"}""", headers);

    public static HttpResponseMessage PortToken(string token, int expiresIn = 10800) =>
        Ok($$"""{"ok":true,"accessToken":"{{token}}","expiresIn":{{expiresIn}},"tokenType":"Bearer"}""");
}

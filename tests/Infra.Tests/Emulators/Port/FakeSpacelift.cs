using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Infra.Tests.Emulators.Port;

/// <summary>
/// A tiny GraphQL endpoint on 127.0.0.1: <c>apiKeyUser</c> answers a new jwt, <c>runTrigger</c> a run id;
/// every request's Authorization header and body are recorded.
/// </summary>
internal sealed class FakeSpacelift : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _issued;

    private FakeSpacelift(WebApplication app) => _app = app;

    public ConcurrentQueue<Received> Requests { get; } = new();

    public Uri GraphQlUrl => new(LocalApp.Address(_app), "graphql");

    /// <summary>The status code to answer with (to simulate failures).</summary>
    public int Status { get; set; } = 200;

    public string LastJwt => $"jwt-{_issued}";

    public static async Task<FakeSpacelift> StartAsync()
    {
        FakeSpacelift? fake = null;
        var app = await LocalApp.StartAsync(app => app.MapPost("/graphql", (RequestDelegate)(context => fake!.AnswerAsync(context))));
        fake = new FakeSpacelift(app);
        return fake;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        Requests.Enqueue(new Received(context.Request.Headers.Authorization.FirstOrDefault(), context.Request.Headers["x-port-signature"].FirstOrDefault(), body));
        var query = body["query"]!.GetValue<string>();
        JsonObject data = query.Contains("apiKeyUser", StringComparison.Ordinal)
            ? new JsonObject { ["apiKeyUser"] = new JsonObject { ["jwt"] = $"jwt-{Interlocked.Increment(ref _issued)}" } }
            : new JsonObject { ["runTrigger"] = new JsonObject { ["id"] = "01RUN", ["state"] = "QUEUED" } };
        context.Response.StatusCode = Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject { ["data"] = data }.ToJsonString());
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    public sealed record Received(string? Authorization, string? Signature, JsonObject Body);
}

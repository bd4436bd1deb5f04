using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Infra.Tests.Emulators.Port;

/// <summary>A webhook receiver on 127.0.0.1 that answers 200 <c>{}</c> and keeps every JSON body it was sent.</summary>
internal sealed class Recorder : IAsyncDisposable
{
    private readonly WebApplication _app;

    private Recorder(WebApplication app) => _app = app;

    public ConcurrentQueue<JsonNode?> Bodies { get; } = new();

    public Uri Url => new(LocalApp.Address(_app), "hook");

    public static async Task<Recorder> StartAsync()
    {
        Recorder? recorder = null;
        var app = await LocalApp.StartAsync(app => app.MapPost("/hook", (RequestDelegate)(async context =>
        {
            recorder!.Bodies.Enqueue(await JsonNode.ParseAsync(context.Request.Body));
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{}");
        })));
        recorder = new Recorder(app);
        return recorder;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

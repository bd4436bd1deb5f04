using System.Text;
using Emulators.Hosting;

namespace Infra.Tests.Emulators.Hosting;

/// <summary>Requests are counted per service as reads or writes, and the counters reset.</summary>
public sealed class RequestCounterTests : IAsyncLifetime
{
    private EmulatorHost _host = null!;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public async Task InitializeAsync() => _host = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = 2 });

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task PortGetsAndSearchesAreReadsOtherMethodsWrites()
    {
        using (await _http.GetAsync(new Uri(_host.PortUrl, "v1/blueprints")))
        using (await _http.PostAsync(new Uri(_host.PortUrl, "v1/blueprints/space_lift_stack/entities/search"), Json("{}")))
        using (await _http.PostAsync(new Uri(_host.PortUrl, "v1/blueprints/space_lift_stack/entities?upsert=true"), Json("{}")))
        using (await _http.DeleteAsync(new Uri(_host.PortUrl, "v1/organization/secrets/SPACELIFT_TOKEN")))
        {
        }

        Assert.Equal(2, _host.Counters.Port.Reads);
        Assert.Equal(2, _host.Counters.Port.Writes);
        Assert.Equal(1, _host.Counters.Port.InGroup("search"));
        Assert.Equal(1, _host.Counters.Port.InGroup("entities"));
        Assert.Equal(1, _host.Counters.Port.InGroup("secrets"));
        Assert.Equal(0, _host.Counters.Spacelift.Total);
    }

    [Fact]
    public async Task SpaceliftQueriesAreReadsMutationsWritesAndTokenExchangesAuth()
    {
        using (await PostGraphQLAsync("""{"query":"{stacks{id}}"}"""))
        using (await PostGraphQLAsync("""{"query":"mutation($id:ID!$secret:String!){apiKeyUser(id: $id, secret: $secret){jwt}}","variables":{"id":"x","secret":"y"}}"""))
        using (await PostGraphQLAsync("""{"query":"mutation{runTrigger(stack: \"x\"){id}}"}"""))
        {
        }

        Assert.Equal(1, _host.Counters.Spacelift.Reads);
        Assert.Equal(2, _host.Counters.Spacelift.Writes);
        Assert.Equal(1, _host.Counters.Spacelift.InGroup("auth"));
        Assert.Equal(1, _host.Counters.Spacelift.InGroup("mutation"));

        _host.Counters.Reset();
        Assert.Equal(0, _host.Counters.Spacelift.Total);
        Assert.Equal(0, _host.Counters.Spacelift.InGroup("auth"));
    }

    [Fact]
    public async Task ClassifiedBodyIsStillReadByTheGraphQLEndpoint()
    {
        using var response = await PostGraphQLAsync("""{"query":"mutation($id:ID!$secret:String!){apiKeyUser(id: $id, secret: $secret){jwt}}","variables":{"id":"01EMULATOREMULATOREMULATOR","secret":"emulator"}}""");

        Assert.Contains("\"jwt\":\"ey", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> PostGraphQLAsync(string json) => _http.PostAsync(_host.SpaceliftGraphQLUrl, Json(json));

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}

using Emulators.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Infra.Tests.Emulators.Spacelift.Catalogue;

/// <summary>An account with a tree of 50 spaces and a run history (10 tracked, 3 proposed per stack), for read-only tests.</summary>
public sealed class CatalogueFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);

    public EmulatorHost Host { get; private set; } = null!;

    internal GraphQLTestClient Client { get; private set; } = null!;

    internal string Token { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = 200, Spaces = 50, RunsPerStack = 10, ProposedRunsPerStack = 3, Time = Clock });
        Client = new GraphQLTestClient(Host.SpaceliftGraphQLUrl);
        Token = await Client.MintTokenAsync();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}

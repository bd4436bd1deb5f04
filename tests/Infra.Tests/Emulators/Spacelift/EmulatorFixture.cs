using Emulators.Hosting;

namespace Infra.Tests.Emulators.Spacelift;

/// <summary>One running host shared by the read-only tests of a class.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public EmulatorHost Host { get; private set; } = null!;

    internal GraphQLTestClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = 60 });
        Client = new GraphQLTestClient(Host.SpaceliftGraphQLUrl);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}

using Infra.Cli.Config;
using Infra.Cli.Engine;
using Infra.Cli.Hosting;
using Infra.Cli.Http;
using Infra.Sdk;
using Infra.Stacks;

namespace Infra.Tests.Cli.Fakes;

internal sealed class FakeEngineFactory(FakeEngine engine) : IStackEngineFactory
{
    public FakeEngine Engine => engine;

    /// <summary>Thrown by CreateAsync instead of returning the engine (a held lock, a bug).</summary>
    public Exception? Failure { get; set; }

    public bool? Exclusive { get; private set; }

    public StackConfiguration? Configuration { get; private set; }

    public Task<IStackEngine> CreateAsync(StackConfiguration configuration, string command, bool exclusive, CancellationToken cancellationToken)
    {
        Configuration = configuration;
        Exclusive = exclusive;
        return Failure is null ? Task.FromResult<IStackEngine>(engine) : Task.FromException<IStackEngine>(Failure);
    }

    /// <summary>The program's real declarations (nothing is read): the fake only stands in for planning and applying.</summary>
    public Task<ResourceGraph> DeclareAsync(StackConfiguration configuration, CancellationToken cancellationToken)
        => new SpaceliftIntegration().DeclareAsync(
            new ProgramContext(configuration.Values, configuration.Owner, readsData: false, StackServicesFactory.Create(configuration, new ClientOptions()).ForProgram),
            cancellationToken);
}

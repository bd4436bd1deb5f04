using Infra.Cli.Config;
using Infra.Cli.Hosting;
using Infra.Cli.Http;
using Infra.Sdk;
using Infra.Stacks;

namespace Infra.Tests.Support;

/// <summary>The program's inputs for a loaded configuration, read as the program reads them (nothing is sent).</summary>
internal static class ProgramInputs
{
    public static IntegrationInputs Read(StackConfiguration configuration)
        => IntegrationConfig.Read(new ProgramContext(
            configuration.Values,
            configuration.Owner,
            readsData: false,
            StackServicesFactory.Create(configuration, new ClientOptions()).ForProgram));
}

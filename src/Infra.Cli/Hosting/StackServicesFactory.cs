using Infra.Cli.Config;
using Infra.Cli.Engine.Contract;
using Infra.Cli.Http;
using Infra.Cli.Port;
using Infra.Cli.Spacelift;

namespace Infra.Cli.Hosting;

/// <summary>
/// Builds the services both executors work with for one stack, from its configuration: Port's and
/// Spacelift's clients, a provider per service, and the Port organisation and Spacelift account the
/// program is handed. The one place that knows which services there are.
/// </summary>
public static class StackServicesFactory
{
    public static StackServices Create(StackConfiguration configuration, ClientOptions options)
    {
        var port = PortClient.Create(configuration.Port, options);
        var spacelift = SpaceliftClient.Create(configuration.Spacelift, options);
        return new StackServices(
            port,
            [new PortResources(port), new SpaceliftResources(spacelift)],
            [new PortOrganisation(configuration.Port, port), new SpaceliftAccount(spacelift, configuration.Spacelift)]);
    }
}

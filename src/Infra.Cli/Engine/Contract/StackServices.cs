using Infra.Cli.Port;
using Infra.Cli.Providers;

namespace Infra.Cli.Engine.Contract;

/// <summary>
/// The services an executor works with for one stack: Port's client (entities are read and written in
/// bulk through it), a provider per service for every other kind, and what the program is handed to read
/// (the Port organisation, the Spacelift account). Built from the stack's configuration by the host.
/// </summary>
public sealed record StackServices(IPortClient Port, IReadOnlyList<IResourceProvider> Providers, IReadOnlyList<object> ForProgram);

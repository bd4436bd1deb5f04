using Infra.Cli.Config;
using Infra.Sdk.Port;

namespace Infra.Cli.Port;

/// <summary>The Port organisation a stack's configuration names, as its program sees it.</summary>
public sealed class PortOrganisation(PortSettings settings) : IPortOrganisation
{
    public Uri BaseUrl => settings.BaseUrl;
}

using Infra.Config;

namespace Infra.Port;

/// <summary>Port's REST API over one pooled connection (stub: owned by the clients work).</summary>
public sealed partial class PortClient
{
    public static IPortClient Create(PortSettings settings, ClientOptions options) => throw new NotImplementedException();
}

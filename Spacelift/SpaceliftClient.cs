using Infra.Config;
using Infra.Port;

namespace Infra.Spacelift;

/// <summary>Spacelift's GraphQL API (stub: owned by the clients work).</summary>
public sealed partial class SpaceliftClient
{
    public static ISpaceliftClient Create(SpaceliftSettings settings, ClientOptions options) => throw new NotImplementedException();
}

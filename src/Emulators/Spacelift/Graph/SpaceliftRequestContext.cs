using Emulators.Spacelift.Auth;

namespace Emulators.Spacelift.Graph;

/// <summary>GraphQL user context of one request: who called (null when the bearer token is missing or invalid).</summary>
internal sealed class SpaceliftRequestContext(Caller? caller) : Dictionary<string, object?>
{
    public Caller? Caller { get; } = caller;
}

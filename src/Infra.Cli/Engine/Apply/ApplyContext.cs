using Infra.Cli.Engine.State;
using Infra.Cli.Port;
using Infra.Cli.Providers;
using Infra.Sdk;

namespace Infra.Cli.Engine.Apply;

/// <summary>
/// What applying a plan works with: Port's client for entities (written in bulk), a provider per service
/// for every other kind, the state store, the clock, the masker for messages, the key of the secrets'
/// fingerprints, and how many entities go into one upsert call (state is saved after each such batch).
/// </summary>
internal sealed record ApplyContext(
    IPortClient Port,
    IReadOnlyList<IResourceProvider> Providers,
    IStateStore Store,
    TimeProvider Time,
    SecretMasker Masker,
    Secret FingerprintKey,
    int EntityBatchSize)
{
    public IResourceProvider ProviderFor(ResourceKind kind)
        => Providers.FirstOrDefault(p => p.Service == kind.Service) ?? throw new InvalidOperationException($"no provider writes {kind.Service} resources ({kind})");
}

using Infra.Cli.Engine.State;
using Infra.Sdk;
using Infra.Cli.Port;
using Infra.Cli.Spacelift;

namespace Infra.Cli.Engine.Apply;

/// <summary>
/// What applying a plan works with: the clients, the state store, the clock, the masker for messages,
/// the key of the secrets' fingerprints, and how many entities go into one upsert call (state is saved
/// after each such batch).
/// </summary>
internal sealed record ApplyContext(
    IPortClient Port,
    ISpaceliftClient Spacelift,
    IStateStore Store,
    TimeProvider Time,
    SecretMasker Masker,
    Secret FingerprintKey,
    int EntityBatchSize);

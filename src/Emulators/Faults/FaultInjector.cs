using System.Collections.Concurrent;

namespace Emulators.Faults;

/// <summary>
/// Decides, request by request, whether to inject a fault. One seeded random draw per request that a
/// rule covers, behind a lock, so the same seed and the same request sequence give the same faults.
/// The rules that cover a request share the draw: with shares 0.1 (429) and 0.2 (500), a draw below 0.1
/// gives a 429, below 0.3 a 500. Reconfigurable while the emulators run.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<FaultKind, long> _injected = new();
    private IReadOnlyList<FaultRule> _rules = [];
    private Random _random = new(1);

    /// <summary>How long a <see cref="FaultKind.Slow"/> response is held back.</summary>
    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The <c>Retry-After</c>/<c>x-ratelimit-reset</c> value of a 429, in seconds.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    public IReadOnlyList<FaultRule> Rules
    {
        get
        {
            lock (_gate)
            {
                return _rules;
            }
        }
    }

    /// <summary>Replaces the rules and restarts the random sequence from <paramref name="seed"/>.</summary>
    /// <exception cref="FaultSpecException">The spec cannot be read (nothing changes then).</exception>
    public void Configure(string? spec, int seed)
    {
        var rules = FaultSpec.Parse(spec);
        lock (_gate)
        {
            _rules = rules;
            _random = new Random(seed);
        }
    }

    public void Clear() => Configure(null, 1);

    /// <summary>How many faults of <paramref name="kind"/> were injected since the last <see cref="ResetCounts"/>.</summary>
    public long Injected(FaultKind kind) => _injected.GetValueOrDefault(kind);

    public long InjectedTotal => _injected.Values.Sum();

    public void ResetCounts() => _injected.Clear();

    /// <summary>The fault for this request, or null; counts what it returns.</summary>
    public FaultKind? Decide(string service, string? group)
    {
        FaultKind? fault = null;
        lock (_gate)
        {
            var covering = _rules.Where(r => r.Covers(service, group)).ToArray();
            if (covering.Length == 0)
            {
                return null;
            }

            var draw = _random.NextDouble();
            var bound = 0.0;
            foreach (var rule in covering)
            {
                bound += rule.Share;
                if (draw < bound)
                {
                    fault = rule.Kind;
                    break;
                }
            }
        }

        if (fault is { } kind)
        {
            _injected.AddOrUpdate(kind, 1, (_, n) => n + 1);
        }

        return fault;
    }
}

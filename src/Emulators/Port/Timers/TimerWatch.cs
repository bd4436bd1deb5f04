using System.Text.Json;
using System.Text.Json.Nodes;
using Emulators.Port.Blueprints;
using Emulators.Port.Entities;
using Emulators.Port.Runs;

namespace Emulators.Port.Timers;

/// <summary>
/// Watches every value of every timer property (<c>format: "timer"</c>) and, once the emulator's clock
/// passes it, fires <c>TIMER_PROPERTY_EXPIRED</c> automations for it, once per value: a timer that fired
/// fires again only after it is set to another value. The organisation is looked at after every change
/// (<see cref="Poke"/>) and on a timer of the emulator's <see cref="TimeProvider"/> that wakes at the
/// earliest armed value, and at least every <see cref="PortEmulatorOptions.TimerScanInterval"/>, so a fake
/// clock decides exactly when timers fire. One property of one entity expires at most once per scan
/// interval, which bounds a loop that keeps setting its timer into the past. Expiries run on the
/// background work, which <c>WhenIdleAsync</c> waits for.
/// </summary>
internal sealed class TimerWatch(PortContext context, BackgroundWork background) : IDisposable
{
    private readonly Dictionary<TimerKey, (string Value, DateTimeOffset Due)> _armed = [];
    private readonly Dictionary<TimerKey, string> _fired = [];
    private readonly Dictionary<TimerKey, DateTimeOffset> _lastFiredAt = [];
    private ITimer? _timer;
    private bool _disposed;

    private Organisation Organisation => context.Organisation;

    private PortEmulatorOptions Options => context.Options;

    /// <summary>
    /// At start: takes every timer value already past as expired before (a state file's timers do not fire
    /// again on every restart) and arms the others.
    /// </summary>
    public void Adopt()
    {
        lock (Organisation.Gate)
        {
            Scan(Options.Time.GetUtcNow(), adopt: true);
            Schedule();
        }
    }

    /// <summary>After a change: arms new timer values, forgets removed ones, and fires what is due.</summary>
    public void Poke()
    {
        lock (Organisation.Gate)
        {
            Scan(Options.Time.GetUtcNow(), adopt: false);
            Schedule();
        }
    }

    public void Dispose()
    {
        lock (Organisation.Gate)
        {
            _disposed = true;
            _timer?.Dispose();
            _timer = null;
        }
    }

    /// <summary>Fires every armed timer that is due, oldest first, then waits for the next.</summary>
    private void Fire()
    {
        var expired = new List<(string Blueprint, string Property, JsonObject Entity, string At)>();
        var cleared = false;
        lock (Organisation.Gate)
        {
            var now = Options.Time.GetUtcNow();
            Scan(now, adopt: false);
            var due = _armed.Where(a => a.Value.Due <= now).OrderBy(a => a.Value.Due).ThenBy(a => a.Key.ToString(), StringComparer.Ordinal).ToList();
            foreach (var (key, (value, _)) in due)
            {
                _armed.Remove(key);
                _fired[key] = value;
                _lastFiredAt[key] = now;
                var blueprint = Organisation.Blueprints[key.Blueprint];
                var entity = blueprint.Entities.Find(key.Entity)!;
                if (Options.TimerAfterExpiry == TimerAfterExpiry.Clear)
                {
                    entity = Clear(blueprint, entity, key.Property);
                    cleared = true;
                }

                expired.Add((key.Blueprint, key.Property, EntityView.Render(blueprint, entity), value));
            }

            Schedule();
        }

        if (cleared)
        {
            context.Changed();
        }

        foreach (var (blueprint, property, entity, at) in expired)
        {
            context.Automations.TimerExpired(blueprint, property, entity, at);
        }
    }

    /// <summary>
    /// Brings <see cref="_armed"/> and <see cref="_fired"/> in line with the organisation (called under its
    /// lock). A value seen for the first time that is already past fires at once when
    /// <see cref="PortEmulatorOptions.PastTimersFire"/>, unless adopting.
    /// </summary>
    private void Scan(DateTimeOffset now, bool adopt)
    {
        var seen = new HashSet<TimerKey>();
        foreach (var (blueprintId, blueprint) in Organisation.Blueprints)
        {
            var properties = TimerProperties(blueprint);
            if (properties.Count == 0)
            {
                continue;
            }

            foreach (var entity in blueprint.Entities.All)
            {
                var values = entity["properties"] as JsonObject;
                foreach (var property in properties)
                {
                    var key = new TimerKey(blueprintId, entity["identifier"]!.GetValue<string>(), property);
                    seen.Add(key);
                    Observe(key, values?[property], now, adopt);
                }
            }
        }

        foreach (var gone in _armed.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            _armed.Remove(gone);
        }

        foreach (var gone in _fired.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            _fired.Remove(gone);
        }

        foreach (var gone in _lastFiredAt.Keys.Where(k => !seen.Contains(k)).ToList())
        {
            _lastFiredAt.Remove(gone);
        }
    }

    private void Observe(TimerKey key, JsonNode? node, DateTimeOffset now, bool adopt)
    {
        if (node is not JsonValue text || text.GetValueKind() != JsonValueKind.String || !TimerValue.TryParse(text.GetValue<string>(), out var due))
        {
            // No timer (null, removed, or written before the property became a timer and not a date).
            _armed.Remove(key);
            return;
        }

        var value = text.GetValue<string>();
        if (_fired.TryGetValue(key, out var fired) && fired == value)
        {
            return;
        }

        if (_armed.TryGetValue(key, out var armed) && armed.Value == value)
        {
            return;
        }

        // A new value: whatever fired before no longer counts for this property.
        _fired.Remove(key);
        if (due <= now && (adopt || !Options.PastTimersFire))
        {
            _armed.Remove(key);
            _fired[key] = value;
            return;
        }

        // One expiry per timer per scan interval: an automation that sets its own timer into the past (a
        // renewal margin longer than the token's life) repeats once a minute instead of spinning.
        if (_lastFiredAt.TryGetValue(key, out var last) && due < last + Options.TimerScanInterval)
        {
            due = last + Options.TimerScanInterval;
        }

        _armed[key] = (value, due);
    }

    /// <summary>
    /// Under the organisation lock: wakes at the earliest armed timer, or after the scan interval if that is
    /// sooner; when one is due already, fires on the background work at once.
    /// </summary>
    private void Schedule()
    {
        if (_disposed)
        {
            return;
        }

        if (_armed.Count == 0)
        {
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var wait = _armed.Values.Min(a => a.Due) - Options.Time.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            StartFiring();
            return;
        }

        _timer ??= Options.Time.CreateTimer(_ => StartFiring(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timer.Change(wait < Options.TimerScanInterval ? wait : Options.TimerScanInterval, Timeout.InfiniteTimeSpan);
    }

    private void StartFiring() => background.Start(() =>
    {
        Fire();
        return Task.CompletedTask;
    });

    /// <summary>Timer properties of a blueprint: string properties of format <c>timer</c>.</summary>
    private static List<string> TimerProperties(BlueprintRecord blueprint)
        => [.. blueprint.SchemaProperties
            .Where(p => p.Value?["format"]?.GetValue<string>() == "timer" && (p.Value["type"]?.GetValue<string>() ?? "string") == "string")
            .Select(p => p.Key)];

    /// <summary>The entity with the expired timer set to null (under the organisation lock).</summary>
    private JsonObject Clear(BlueprintRecord blueprint, JsonObject entity, string property)
    {
        var changed = (JsonObject)entity.DeepClone();
        changed["properties"]![property] = null;
        Organisation.Stamp(changed, entity);
        blueprint.Entities.Put(changed["identifier"]!.GetValue<string>(), changed);
        return changed;
    }

    private readonly record struct TimerKey(string Blueprint, string Entity, string Property);
}

using Emulators.Port.Runs;
using Emulators.Port.Timers;
using Emulators.Port.Users;

namespace Emulators.Hosting;

/// <summary>How to start the two emulators. A null URL means "a free 127.0.0.1 port".</summary>
public sealed partial record EmulatorOptions
{
    public Uri? PortUrl { get; init; }
    public Uri? SpaceliftUrl { get; init; }
    public int Stacks { get; init; } = 25;

    /// <summary>Generated Spacelift spaces besides root and legacy; stacks are spread over them.</summary>
    public int Spaces { get; init; } = 4;

    /// <summary>Past tracked runs generated per Spacelift stack that has run.</summary>
    public int RunsPerStack { get; init; }

    /// <summary>Past proposed runs generated per Spacelift stack that has run.</summary>
    public int ProposedRunsPerStack { get; init; }

    /// <summary>Runs per <c>Stack.runs(before:)</c> page (Spacelift does not publish its size).</summary>
    public int RunsPageSize { get; init; } = 50;

    /// <summary>Stacks whose run lists one Spacelift request may read (null: no limit).</summary>
    public int? MaxRunListsPerRequest { get; init; }

    /// <summary>Serve Spacelift's <c>spaces</c> children first instead of parents first.</summary>
    public bool SpacesChildrenFirst { get; init; }

    /// <summary>How the Port emulator plays relation behaviours Port does not document.</summary>
    public Port.Entities.RelationBehaviour PortRelations { get; init; } = new();

    /// <summary>Added to every response of both services (changeable later through <see cref="EmulatorHost.LatencyMs"/>).</summary>
    public int LatencyMs { get; init; }

    /// <summary>A fault spec (see <see cref="Faults.FaultSpec"/>); null for none.</summary>
    public string? Faults { get; init; }
    public int FaultSeed { get; init; } = 1;

    /// <summary>How long a <c>slow</c> fault holds a response.</summary>
    public TimeSpan SlowFaultDelay { get; init; } = TimeSpan.FromSeconds(5);
    public string? StateFile { get; init; }
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(10);
    public string PortClientId { get; init; } = "emulator";
    public string PortClientSecret { get; init; } = "emulator";
    public string SpaceliftKeyId { get; init; } = "01EMULATOREMULATOREMULATOR";
    public string SpaceliftKeySecret { get; init; } = "emulator";

    /// <summary>
    /// The clock both emulators run on (Spacelift's token expiry and run progress, Port's timers, tokens and
    /// timestamps, latency and slow faults), made <see cref="ClockSpeed"/> times faster; tests pass a fake one.
    /// </summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Timeout of the HTTP calls the Port emulator makes for webhook actions.</summary>
    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Members of the emulated Port organisation beside the token's own Admin (who may execute and approve what).</summary>
    public IReadOnlyList<PortUser> PortUsers { get; init; } = [];

    // Renewal loop (timers, UPSERT_ENTITY): the shared clock's speed and Port's undocumented timer behaviours.

    /// <summary>How many times faster than <see cref="Time"/> both emulators' clock runs (1 to 1,000,000; see <see cref="Clock.ScaledTimeProvider"/>).</summary>
    public double ClockSpeed { get; init; } = 1;

    /// <summary>See <see cref="Port.PortEmulatorOptions.TimerAfterExpiry"/>.</summary>
    public TimerAfterExpiry PortTimerAfterExpiry { get; init; } = TimerAfterExpiry.Keep;

    /// <summary>See <see cref="Port.PortEmulatorOptions.PastTimersFire"/>.</summary>
    public bool PortPastTimersFire { get; init; } = true;

    /// <summary>See <see cref="Port.PortEmulatorOptions.UpsertEntityUpdate"/>.</summary>
    public UpsertEntityUpdate PortUpsertEntityUpdate { get; init; } = UpsertEntityUpdate.Merge;
}

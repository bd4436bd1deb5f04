using Emulators.Port.Runs;
using Emulators.Port.Timers;
using Emulators.Port.Users;

namespace Emulators.Port;

public sealed partial record PortEmulatorOptions
{
    public string ClientId { get; init; } = "emulator";
    public string ClientSecret { get; init; } = "emulator";

    /// <summary>Load the organisation from this file at start and save it after changes.</summary>
    public string? StateFile { get; init; }

    /// <summary>Port documents 3 hours.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(3);

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Requests per rate-limit window reported in <c>x-ratelimit-limit</c> (Port's former Entities API figure).</summary>
    public int RateLimit { get; init; } = 35_000;

    public TimeSpan RateLimitPeriod { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>When true, requests beyond <see cref="RateLimit"/> in a window get 429 (for client retry tests).</summary>
    public bool EnforceRateLimit { get; init; }

    /// <summary>Port's documented request body limit.</summary>
    public long MaxRequestBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>How long one webhook invocation may take before its run fails.</summary>
    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many automation hops one user action may cause; stops automation loops.</summary>
    public int MaxAutomationDepth { get; init; } = 4;

    /// <summary>Coalescing delay between a change and the state file write.</summary>
    public TimeSpan StateSaveDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public string OrganizationId { get; init; } = "org_emulator";

    /// <summary>
    /// The organisation's users, whom action permissions are checked against; teams are the names they
    /// list. Emails must be unique (ignoring case) and roles <see cref="PortUser.Admin"/> or
    /// <see cref="PortUser.Member"/>.
    /// </summary>
    public IReadOnlyList<PortUser> Users { get; init; } = [PortUser.DefaultAdmin];

    /// <summary>
    /// Whose requests the client-credentials token makes (runs and approvals without <c>run_as</c>); must
    /// be one of <see cref="Users"/>.
    /// </summary>
    public string TokenUser { get; init; } = PortUser.DefaultAdminEmail;

    /// <summary>What a timer property's value becomes once its expiry event has fired (Port does not document it).</summary>
    public TimerAfterExpiry TimerAfterExpiry { get; init; } = TimerAfterExpiry.Keep;

    /// <summary>
    /// Whether a timer written with a time already past fires at once (true) or never (false). Port does not
    /// document it; timers already past when the state file is loaded never fire either way.
    /// </summary>
    public bool PastTimersFire { get; init; } = true;

    /// <summary>The longest the emulator waits between two looks at the timers (emulated time; a timer due sooner wakes it sooner).</summary>
    public TimeSpan TimerScanInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How an <c>UPSERT_ENTITY</c> invocation changes an existing entity (Port does not document it).</summary>
    public UpsertEntityUpdate UpsertEntityUpdate { get; init; } = UpsertEntityUpdate.Merge;

    /// <summary>How relation behaviours Port does not document are played.</summary>
    public Entities.RelationBehaviour Relations { get; init; } = new();
}

using Emulators.Port.Entities;
using Emulators.Port.Runs;
using Emulators.Port.State;
using Emulators.Port.Timers;
using Emulators.Port.Users;

namespace Emulators.Port;

/// <summary>What route handlers share: the organisation, its users, options, automation dispatch and persistence.</summary>
internal sealed class PortContext(PortEmulatorOptions options, Organisation organisation, StateStore? state, UserDirectory users)
{
    public PortEmulatorOptions Options { get; } = options;

    public UserDirectory Users { get; } = users;

    public Organisation Organisation { get; } = organisation;

    public EntityWriter EntityWriter { get; } = new(organisation);

    public AutomationDispatcher Automations { get; set; } = null!;

    /// <summary>Timer properties and their expiry (null until the emulator has made it).</summary>
    public TimerWatch? Timers { get; set; }

    /// <summary>
    /// Records that the organisation changed, so the state file is rewritten soon and timer properties
    /// written (or removed) by the change are armed (or forgotten).
    /// </summary>
    public void Changed()
    {
        state?.MarkDirty();
        Timers?.Poke();
    }
}

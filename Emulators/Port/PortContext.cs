using Emulators.Port.Entities;
using Emulators.Port.Runs;
using Emulators.Port.State;

namespace Emulators.Port;

/// <summary>What route handlers share: the organisation, options, automation dispatch and persistence.</summary>
internal sealed class PortContext(PortEmulatorOptions options, Organisation organisation, StateStore? state)
{
    public PortEmulatorOptions Options { get; } = options;

    public Organisation Organisation { get; } = organisation;

    public EntityWriter EntityWriter { get; } = new(organisation);

    public AutomationDispatcher Automations { get; set; } = null!;

    /// <summary>Records that the organisation changed, so the state file is rewritten soon.</summary>
    public void Changed() => state?.MarkDirty();
}

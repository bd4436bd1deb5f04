using System.ComponentModel;
using System.Diagnostics;

namespace Infra.Cli.Engine.State;

/// <summary>What this host can prove about a recorded lock holder.</summary>
internal enum HolderState
{
    /// <summary>Its process is running here: the same pid, started no later than the record says.</summary>
    Running,

    /// <summary>Provably gone: on this host, its pid runs nothing, or a process started after it.</summary>
    Gone,

    /// <summary>Another host, or a process this host cannot inspect: nothing can be proven.</summary>
    Unknown,
}

internal static class HolderLiveness
{
    // Process start times are read back with some rounding (boot time in whole seconds on Linux).
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(2);

    public static HolderState Of(LockHolder holder)
    {
        if (!string.Equals(holder.Host, Environment.MachineName, StringComparison.OrdinalIgnoreCase))
        {
            return HolderState.Unknown;
        }

        try
        {
            using var process = Process.GetProcessById(holder.Pid);
            var started = new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
            // Older records lack the process's start time; the time the lock was taken is later still,
            // so a process started after it cannot be the holder either.
            var holderStarted = holder.ProcessStartedAt ?? holder.StartedAt;
            return started > holderStarted + Tolerance ? HolderState.Gone : HolderState.Running;
        }
        catch (ArgumentException)
        {
            // No process has this pid.
            return HolderState.Gone;
        }
        catch (InvalidOperationException)
        {
            // It exited between the lookup and the question.
            return HolderState.Gone;
        }
        catch (Exception e) when (e is Win32Exception or NotSupportedException or UnauthorizedAccessException)
        {
            return HolderState.Unknown;
        }
    }
}

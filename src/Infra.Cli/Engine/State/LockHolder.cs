using System.Diagnostics;
using System.Text.Json;

namespace Infra.Cli.Engine.State;

/// <summary>
/// Who holds a stack's lock: the process (<see cref="Pid"/> on <see cref="Host"/>, started at
/// <see cref="ProcessStartedAt"/>, which tells it apart from a later process given the same pid),
/// its user, when it took the lock and for which command. Records written before
/// <see cref="ProcessStartedAt"/> existed lack it.
/// </summary>
public sealed record LockHolder(int Pid, string Host, string User, DateTimeOffset StartedAt, string Command, DateTimeOffset? ProcessStartedAt = null)
{
    internal static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>This process, taking the lock now (as <paramref name="time"/> tells it) for <paramref name="command"/>.</summary>
    internal static LockHolder ForThisProcess(string command, TimeProvider time)
    {
        using var self = Process.GetCurrentProcess();
        return new(Environment.ProcessId, Environment.MachineName, Environment.UserName, time.GetUtcNow(), command, self.StartTime.ToUniversalTime());
    }

    /// <summary><c>pid 42 on ci-runner (user runner, 'up') since 2026-11-28T00:00:00Z</c>.</summary>
    public override string ToString() =>
        $"pid {Pid} on {Host} (user {User}, '{Command}') since {StartedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}";
}

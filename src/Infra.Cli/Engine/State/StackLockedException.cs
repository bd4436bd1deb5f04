using Infra.Cli.Diagnostics;

namespace Infra.Cli.Engine.State;

/// <summary>
/// Another run holds the stack's lock. The advice depends on what this host can prove: a holder that
/// runs here (or holds the lock file, which the OS releases only when it ends) is waited for; a holder
/// on another host may be removed from the record once the user has checked there that it ended.
/// Never "delete the lock" while its holder may live.
/// </summary>
public sealed class StackLockedException : InfraException
{
    public StackLockedException(string stack, string lockPath, LockHolder? holder, Exception? inner = null)
        : this(stack, lockPath, holder, provenLive: true, inner)
    {
    }

    private StackLockedException(string stack, string lockPath, LockHolder? holder, bool provenLive, Exception? inner)
        : base(Describe(stack, lockPath, holder, provenLive), inner)
    {
        Holder = holder;
        LockPath = lockPath;
    }

    public LockHolder? Holder { get; }

    public string LockPath { get; }

    public override int ExitCode => ExitCodes.ConcurrentUpdate;

    /// <summary>The record names a holder this host cannot prove gone (another host), and nothing holds the lock file here.</summary>
    internal static StackLockedException Unproven(string stack, string lockPath, LockHolder holder) =>
        new(stack, lockPath, holder, provenLive: false, inner: null);

    private static string Describe(string stack, string lockPath, LockHolder? holder, bool provenLive)
    {
        if (holder is null)
        {
            return $"stack '{stack}' is locked by another run that has not yet recorded who it is (lock {lockPath}); wait for it to finish";
        }

        if (provenLive)
        {
            return $"stack '{stack}' is locked by {holder} (lock {lockPath}); wait for it to finish, or stop that process";
        }

        return $"stack '{stack}' is locked by {holder}, which this host cannot check; once it has ended on {holder.Host}, "
            + $"remove {lockPath}.owner and run again";
    }
}

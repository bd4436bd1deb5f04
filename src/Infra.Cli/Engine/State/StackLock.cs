using Infra.Cli.Config;

namespace Infra.Cli.Engine.State;

/// <summary>
/// One run at a time per stack, in two parts. <c>&lt;StateDir&gt;/&lt;stack&gt;.lock</c> is opened with
/// <see cref="FileShare.None"/> (an advisory lock the OS releases when the process ends, even on
/// kill -9): whoever holds it is alive. <c>&lt;stack&gt;.lock.owner</c> records who holds it (host, pid,
/// the process's start time, user, command), since the held file cannot be read by anyone else; a
/// record left by a run that ended is taken over only when this host proves that run gone. A run that
/// finishes removes both files, and the next lock removes the temporary files a killed run left.
/// </summary>
public sealed class StackLock : IDisposable
{
    /// <summary>How long the loser of a race waits for the winner to record itself.</summary>
    internal static readonly TimeSpan RecordPatience = TimeSpan.FromSeconds(3);

    // Each attempt that opens a lock file a releasing run has just deleted tries again; a few suffice.
    private const int OpenAttempts = 5;

    private readonly FileStream _handle;
    private readonly bool _removeOnRelease;

    private StackLock(FileStream handle, string path, string ownerPath, bool removeOnRelease)
    {
        _handle = handle;
        Path = path;
        OwnerPath = ownerPath;
        _removeOnRelease = removeOnRelease;
    }

    public string Path { get; }

    public string OwnerPath { get; }

    /// <summary>Takes the lock or throws <see cref="StackLockedException"/> at once (never waits for the holder).</summary>
    public static StackLock Acquire(string stateDir, string stack, string command, TimeProvider time)
    {
        Directory.CreateDirectory(stateDir);
        var path = System.IO.Path.Combine(stateDir, stack + ".lock");
        var ownerPath = path + ".owner";
        for (var attempt = 1; ; attempt++)
        {
            FileStream handle;
            try
            {
                handle = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e)
            {
                // Held by a live process: name it, never advise removing anything.
                throw new StackLockedException(stack, path, LockRecord.AwaitLiveHolder(ownerPath, RecordPatience), e);
            }

            var stillThere = LockFileIdentity.IsStillAt(handle);
            if (stillThere == false)
            {
                // A releasing run deleted this file after we opened it: its lock guards nothing.
                handle.Dispose();
                if (attempt < OpenAttempts)
                {
                    continue;
                }

                throw new StackLockedException(stack, path, LockRecord.Read(ownerPath));
            }

            try
            {
                TakeOverOrRefuse(stack, path, ownerPath);
                LockRecord.Write(ownerPath, LockHolder.ForThisProcess(command, time));
                RemoveLeftovers(stateDir, stack, ownerPath);
            }
            catch
            {
                handle.Dispose();
                throw;
            }

            return new StackLock(handle, path, ownerPath, removeOnRelease: stillThere == true);
        }
    }

    /// <summary>
    /// Releases the lock and removes its files. The record goes first, while the lock is held, so
    /// nobody reads a holder that has left; the lock file goes while still held too, and a run that
    /// opened it meanwhile sees that its file was deleted (<see cref="LockFileIdentity"/>) and opens
    /// the path again. Where that cannot be seen, the lock file stays.
    /// </summary>
    public void Dispose()
    {
        LockRecord.Delete(OwnerPath);
        if (_removeOnRelease)
        {
            LockRecord.Delete(Path);
        }

        _handle.Dispose();
    }

    /// <summary>
    /// The lock file is ours; a record still there is from a run that did not release it. A holder
    /// that still runs on this host (its lock file was deleted under it) or runs elsewhere keeps the
    /// stack; one proven gone is taken over.
    /// </summary>
    private static void TakeOverOrRefuse(string stack, string path, string ownerPath)
    {
        if (LockRecord.Read(ownerPath) is not { } previous)
        {
            return;
        }

        switch (HolderLiveness.Of(previous))
        {
            case HolderState.Running:
                throw new StackLockedException(stack, path, previous);
            case HolderState.Unknown:
                throw StackLockedException.Unproven(stack, path, previous);
        }
    }

    /// <summary>Only the lock's holder writes these files, so any temporary one is a killed run's.</summary>
    private static void RemoveLeftovers(string stateDir, string stack, string ownerPath)
    {
        AtomicFile.RemoveLeftovers(new FileStateStore(stateDir, stack).Path, TimeSpan.Zero);
        AtomicFile.RemoveLeftovers(ownerPath, TimeSpan.Zero);
    }
}

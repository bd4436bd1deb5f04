using System.Text.Json;
using Infra.Cli.Diagnostics;

namespace Infra.Cli.Engine.State;

/// <summary>
/// One run at a time per stack: <c>&lt;StateDir&gt;/&lt;stack&gt;.lock</c> opened with
/// <see cref="FileShare.None"/>, which the OS releases even on kill -9, holding who took it. The
/// exclusive handle cannot be read by a second process, so the holder also writes the same JSON to
/// <c>&lt;stack&gt;.lock.owner</c> for the message the second run prints.
/// </summary>
public sealed class StackLock : IDisposable
{
    private readonly FileStream _handle;

    private StackLock(FileStream handle, string path, string ownerPath)
    {
        _handle = handle;
        Path = path;
        OwnerPath = ownerPath;
    }

    public string Path { get; }

    public string OwnerPath { get; }

    /// <summary>Takes the lock or throws <see cref="StackLockedException"/> at once (never waits).</summary>
    public static StackLock Acquire(string stateDir, string stack, string command, TimeProvider time)
    {
        Directory.CreateDirectory(stateDir);
        var path = System.IO.Path.Combine(stateDir, stack + ".lock");
        var ownerPath = path + ".owner";
        FileStream handle;
        try
        {
            handle = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new StackLockedException(stack, path, ReadHolder(ownerPath), e);
        }

        var holder = new LockHolder(Environment.ProcessId, Environment.MachineName, Environment.UserName, time.GetUtcNow(), command);
        var json = JsonSerializer.SerializeToUtf8Bytes(holder, LockHolder.Json);
        handle.SetLength(0);
        handle.Write(json);
        handle.Flush(flushToDisk: true);
        File.WriteAllBytes(ownerPath, json);
        return new StackLock(handle, path, ownerPath);
    }

    /// <summary>
    /// Releases the lock. The lock file itself stays: deleting it would let a run that opened the old
    /// file just before the delete lock it while a third run locks a new file of the same name.
    /// The owner record goes first, while the lock is still held, so nobody reads a holder that has left.
    /// </summary>
    public void Dispose()
    {
        TryDelete(OwnerPath);
        _handle.Dispose();
    }

    private static LockHolder? ReadHolder(string ownerPath)
    {
        try
        {
            return JsonSerializer.Deserialize<LockHolder>(File.ReadAllBytes(ownerPath), LockHolder.Json);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover owner record is only read when the lock is held, so it cannot mislead anyone.
        }
    }
}

/// <summary>Who holds a stack's lock.</summary>
public sealed record LockHolder(int Pid, string Host, string User, DateTimeOffset StartedAt, string Command)
{
    internal static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
}

/// <summary>Another run holds the stack's lock.</summary>
public sealed class StackLockedException(string stack, string lockPath, LockHolder? holder, Exception? inner = null)
    : InfraException(Describe(stack, lockPath, holder), inner)
{
    public LockHolder? Holder { get; } = holder;

    public string LockPath { get; } = lockPath;

    public override int ExitCode => ExitCodes.ConcurrentUpdate;

    private static string Describe(string stack, string lockPath, LockHolder? holder)
    {
        var who = holder is null
            ? "another run"
            : $"pid {holder.Pid} on {holder.Host} (user {holder.User}, '{holder.Command}') since {holder.StartedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}";
        return $"stack '{stack}' is locked by {who}; wait for it to finish, or if that process is gone delete {lockPath}";
    }
}

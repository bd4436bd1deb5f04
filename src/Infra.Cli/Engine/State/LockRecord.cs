using System.Text.Json;
using Infra.Cli.Config;

namespace Infra.Cli.Engine.State;

/// <summary>
/// <c>&lt;stack&gt;.lock.owner</c>: the holder, readable by anyone (the lock file itself cannot be read
/// while held), replaced atomically so a reader never sees half a record.
/// </summary>
internal static class LockRecord
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(25);

    public static LockHolder? Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<LockHolder>(File.ReadAllBytes(path), LockHolder.Json);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static void Write(string path, LockHolder holder) =>
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, holder, LockHolder.Json));

    public static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind, it names a process that is gone: the next run proves that and takes over.
        }
    }

    /// <summary>
    /// The lock is held by a live process (the OS says so), which writes its record right after taking
    /// it: wait up to <paramref name="patience"/> for a record of a holder that is not provably gone, so
    /// that the loser of a real race names the winner, not nobody, nor a killed run's leftover.
    /// </summary>
    public static LockHolder? AwaitLiveHolder(string path, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            if (Read(path) is { } holder && HolderLiveness.Of(holder) != HolderState.Gone)
            {
                return holder;
            }

            if (DateTime.UtcNow >= deadline)
            {
                return null;
            }

            Thread.Sleep(Poll);
        }
    }
}

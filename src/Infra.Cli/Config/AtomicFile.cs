using System.Text;
using System.Text.RegularExpressions;

namespace Infra.Cli.Config;

/// <summary>
/// Replaces a file's content all at once (temp file, fsync, rename), so a crash mid-write leaves either
/// the old or the new content, never half of one. Used for stack files, the engine's state file and the
/// lock's owner record. A process killed between creating the temp file and renaming it leaves the temp
/// file (<c>&lt;name&gt;.&lt;32 hex&gt;.tmp</c>) behind: the next write of the same file removes such
/// leftovers once they are old enough to belong to no live writer, and the stack lock removes those of
/// its stack at once, since only its holder writes them.
/// </summary>
internal static partial class AtomicFile
{
    /// <summary>No write takes this long: a temp file older than this is a dead writer's.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(10);

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void WriteAllText(string path, string text) => Write(path, stream => stream.Write(Utf8.GetBytes(text)));

    public static void Write(string path, Action<Stream> write)
    {
        RemoveLeftovers(path, AbandonedAfter);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Deletes the temp files of <paramref name="path"/> last written at least <paramref name="age"/> ago.</summary>
    public static void RemoveLeftovers(string path, TimeSpan age)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(directory))
        {
            return;
        }

        var name = Path.GetFileName(path);
        var cutoff = DateTime.UtcNow - age;
        foreach (var candidate in Directory.EnumerateFiles(directory, name + ".*.tmp"))
        {
            var suffix = Path.GetFileName(candidate)[name.Length..];
            if (TempSuffix().IsMatch(suffix) && File.GetLastWriteTimeUtc(candidate) <= cutoff)
            {
                TryDelete(candidate);
            }
        }
    }

    [GeneratedRegex("^\\.[0-9a-f]{32}\\.tmp$")]
    private static partial Regex TempSuffix();

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover is harmless: the next write tries again.
        }
    }
}

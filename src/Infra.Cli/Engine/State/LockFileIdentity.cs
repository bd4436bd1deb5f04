namespace Infra.Cli.Engine.State;

/// <summary>
/// Whether an open lock file is still the file at its path. A run that releases the lock deletes the
/// file; another run that had opened it just before gets the lock on a file nobody else can reach,
/// while a third creates a new one: each must find out which it holds. Linux says so in /proc: the
/// link of a descriptor whose file was unlinked ends in " (deleted)".
/// </summary>
internal static class LockFileIdentity
{
    private const string Deleted = " (deleted)";

    /// <summary>True or false when it can be told; null where /proc is not there (the lock file then stays).</summary>
    public static bool? IsStillAt(FileStream handle)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            var link = new FileInfo($"/proc/self/fd/{handle.SafeFileHandle.DangerousGetHandle()}").LinkTarget;
            return link is null ? null : !link.EndsWith(Deleted, StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

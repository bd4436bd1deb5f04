namespace Emulators.Port.State;

/// <summary>
/// Saves the organisation to <c>--state FILE</c>: atomically (temp file, then rename) and coalesced
/// (one write per <see cref="PortEmulatorOptions.StateSaveDelay"/> however many changes), so a bulk
/// sync of 20k entities is not slowed down by disk writes. <see cref="FlushAsync"/> writes what is left.
/// </summary>
internal sealed class StateStore(string path, TimeSpan delay, Func<byte[]> snapshot)
{
    private readonly SemaphoreSlim _writing = new(1, 1);
    private int _dirty;
    private int _scheduled;

    public void MarkDirty()
    {
        Volatile.Write(ref _dirty, 1);
        if (Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0)
        {
            _ = SaveLaterAsync();
        }
    }

    public async Task FlushAsync()
    {
        await _writing.WaitAsync();
        try
        {
            if (Interlocked.Exchange(ref _dirty, 0) == 1)
            {
                try
                {
                    await WriteAsync();
                }
                catch
                {
                    Volatile.Write(ref _dirty, 1);
                    throw;
                }
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    private async Task SaveLaterAsync()
    {
        await Task.Delay(delay);
        Volatile.Write(ref _scheduled, 0);
        try
        {
            await FlushAsync();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The changes stay pending (FlushAsync re-marks them): the next change or the final flush
            // tries again, and the final flush reports the error to whoever disposes the emulator.
        }
    }

    private async Task WriteAsync()
    {
        var content = snapshot();
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Path.GetRandomFileName()}.tmp");
        await File.WriteAllBytesAsync(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}

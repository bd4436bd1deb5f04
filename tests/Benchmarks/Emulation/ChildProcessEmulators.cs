using System.Diagnostics;
using System.Globalization;

namespace Benchmarks.Emulation;

/// <summary>
/// Both emulators in a child process (this same program, verb <see cref="EmulatorServer.Verb"/>), so the
/// benchmark process's peak RSS is the product's alone.
/// </summary>
public sealed class ChildProcessEmulators : IEmulatorSession
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private readonly Process _child;

    private ChildProcessEmulators(Process child, Uri portUrl, Uri spaceliftUrl)
    {
        _child = child;
        PortUrl = portUrl;
        SpaceliftUrl = spaceliftUrl;
    }

    public Uri PortUrl { get; }

    public Uri SpaceliftUrl { get; }

    public string Placement => "in a child process (peak RSS = the product and the benchmark harness only)";

    public static async Task<ChildProcessEmulators> StartAsync(int stacks, int latencyMs, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell this program's path");
        start.FileName = self;
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            // Started as `dotnet Benchmarks.dll`: the child needs the assembly too.
            start.ArgumentList.Add(typeof(ChildProcessEmulators).Assembly.Location);
        }

        start.ArgumentList.Add(EmulatorServer.Verb);
        start.ArgumentList.Add(stacks.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(latencyMs.ToString(CultureInfo.InvariantCulture));
        var child = Process.Start(start) ?? throw new InvalidOperationException("the emulator child did not start");
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StartTimeout);
            var ready = await ReadAnswerAsync(child, timeout.Token).ConfigureAwait(false);
            var parts = ready?.Split(' ');
            if (parts is not [EmulatorServer.Ready, var port, var spacelift])
            {
                throw new InvalidOperationException($"the emulator child answered '{ready}' instead of its URLs");
            }

            return new ChildProcessEmulators(child, new Uri(port), new Uri(spacelift));
        }
        catch
        {
            child.Kill(entireProcessTree: true);
            child.Dispose();
            throw;
        }
    }

    public Task<int> ChangeStacksAsync(int count, CancellationToken cancellationToken) => SendAsync("change", count, cancellationToken);

    public Task<int> RemoveStacksAsync(int count, CancellationToken cancellationToken) => SendAsync("remove", count, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _child.StandardInput.WriteLineAsync("quit").ConfigureAwait(false);
            await _child.StandardInput.FlushAsync().ConfigureAwait(false);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _child.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            _child.Kill(entireProcessTree: true);
        }
        finally
        {
            _child.Dispose();
        }
    }

    private async Task<int> SendAsync(string command, int count, CancellationToken cancellationToken)
    {
        await _child.StandardInput.WriteLineAsync($"{command} {count.ToString(CultureInfo.InvariantCulture)}").ConfigureAwait(false);
        await _child.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
        var answer = await ReadAnswerAsync(_child, cancellationToken).ConfigureAwait(false);
        return answer?.Split(' ', 2) is ["OK", var done]
            ? int.Parse(done, CultureInfo.InvariantCulture)
            : throw new NotSupportedException($"the emulator child could not {command} stacks: {answer}");
    }

    /// <summary>The next protocol line, skipping anything else the emulators may print (start-up banners).</summary>
    private static async Task<string?> ReadAnswerAsync(Process child, CancellationToken cancellationToken)
    {
        while (await child.StandardOutput.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.StartsWith(EmulatorServer.Ready + " ", StringComparison.Ordinal)
                || line.StartsWith("OK ", StringComparison.Ordinal) || line.StartsWith("ERR ", StringComparison.Ordinal))
            {
                return line;
            }
        }

        return null;
    }
}

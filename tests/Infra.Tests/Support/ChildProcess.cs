using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Infra.Tests.Support;

/// <summary>The program as a separate process (<c>dotnet Infra.dll ...</c>), for kill and lock tests.</summary>
internal sealed class ChildProcess : IDisposable
{
    private const int SigInt = 2;
    private const int SigTerm = 15;
    private const int SigCont = 18;
    private const int SigStop = 19;

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private ChildProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>dotnet Infra.dll args</c> with the test process's environment, cleaned (<see cref="ChildEnvironment"/>).</summary>
    public static ChildProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string?> environment) =>
        Start(RepoFiles.DotnetHost, [RepoFiles.InfraDll, .. args], environment, ChildEnvironment.Inherited());

    /// <summary>
    /// Starts <paramref name="program"/> as if from a parent whose environment is <paramref name="parent"/>:
    /// the child gets that environment cleaned, plus <paramref name="environment"/>.
    /// </summary>
    public static ChildProcess Start(string program, IEnumerable<string> args, IReadOnlyDictionary<string, string?> environment, IReadOnlyDictionary<string, string?> parent)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        ChildEnvironment.Apply(info, environment, parent);

        var process = new Process { StartInfo = info };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Append(child._output, e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(child._error, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        return child;
    }

    /// <summary>
    /// SIGSTOP until the result is disposed (then SIGCONT): the child keeps its files and locks but runs
    /// no code, a barrier for tests that need it frozen mid-run. Signal numbers are Linux's.
    /// </summary>
    public IDisposable Pause()
    {
        Signal(SigStop);
        return new Resume(this);
    }

    /// <summary>SIGTERM: what CI runners, <c>timeout</c> and <c>docker stop</c> send.</summary>
    public void Terminate() => Signal(SigTerm);

    /// <summary>SIGINT: Ctrl-C in a terminal.</summary>
    public void Interrupt() => Signal(SigInt);

    /// <summary>SIGKILL: no handler, no cleanup, as a crashed runner or an OOM kill.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }

        _process.WaitForExit();
    }

    public async Task<CliRun> WaitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"the child process did not exit within {timeout}:\n{Snapshot()}");
        }

        // Drains the redirected streams.
        _process.WaitForExit();
        return Snapshot() with { ExitCode = _process.ExitCode };
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Signal(int signal)
    {
        if (SendSignal(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    // DllImport, not LibraryImport: the generated stub would need unsafe code enabled for the whole test project.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    private CliRun Snapshot()
    {
        lock (_output)
        {
            return new CliRun(-1, _output.ToString(), _error.ToString());
        }
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            target.Append(line).Append('\n');
        }
    }

    private sealed class Resume(ChildProcess child) : IDisposable
    {
        public void Dispose() => child.Signal(SigCont);
    }
}

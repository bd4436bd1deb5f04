using System.Diagnostics;
using System.Text;

namespace FakePulumiEngine;

/// <summary>
/// Starts the built program the way Pulumi's dotnet language host does: no arguments, the working
/// directory set to the project, and the host's PULUMI_* variables. Every PORT_*, SPACELIFT_*, INFRA_*
/// and PULUMI_* variable of the calling process is removed first, so only what a run sets is seen.
/// </summary>
public static class LanguageHost
{
    private static readonly string[] CleanedPrefixes = ["PORT_", "SPACELIFT_", "INFRA_", "PULUMI_"];

    /// <summary>The variables the language host sets (values it would leave empty are not set).</summary>
    public static Dictionary<string, string> Environment(
        FakeEngine engine,
        string projectDirectory,
        IReadOnlyDictionary<string, string> config,
        IReadOnlyCollection<string> secretKeys,
        int parallel = 16) => new(StringComparer.Ordinal)
    {
        ["PULUMI_MONITOR"] = engine.Address,
        ["PULUMI_ENGINE"] = engine.Address,
        ["PULUMI_PROJECT"] = engine.Options.Project,
        ["PULUMI_STACK"] = engine.Options.Stack,
        ["PULUMI_ORGANIZATION"] = "organization",
        ["PULUMI_DRY_RUN"] = engine.Options.DryRun ? "true" : "false",
        ["PULUMI_PARALLEL"] = parallel.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["PULUMI_QUERY_MODE"] = "false",
        ["PULUMI_CONFIG"] = GoJson.Object(config),
        ["PULUMI_CONFIG_SECRET_KEYS"] = GoJson.Array(secretKeys),
        ["PULUMI_ROOT_DIRECTORY"] = projectDirectory,
        ["PULUMI_PWD"] = projectDirectory,
        ["PULUMI_ATTACH_DEBUGGER"] = "false",
    };

    /// <summary>Runs <c>dotnet &lt;programDll&gt;</c> to its end; returns its exit code and what it printed.</summary>
    public static async Task<ProgramRun> RunAsync(
        string dotnetHost,
        string programDll,
        string projectDirectory,
        IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout)
    {
        var info = new ProcessStartInfo(dotnetHost)
        {
            WorkingDirectory = projectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(programDll);
        foreach (var name in info.Environment.Keys.Where(k => CleanedPrefixes.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            info.Environment.Remove(name);
        }

        info.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var output = new StringBuilder();
        var error = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { lock (output) { output.Append(e.Data).Append('\n'); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { error.Append(e.Data).Append('\n'); } };
        var watch = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the program did not exit within {timeout}");
        }

        process.WaitForExit();
        lock (output)
        {
            return new ProgramRun(process.ExitCode, output.ToString(), error.ToString(), watch.Elapsed);
        }
    }
}

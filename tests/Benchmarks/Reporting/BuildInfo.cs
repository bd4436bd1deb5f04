using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Benchmarks.Reporting;

/// <summary>The commit measured and the machine it ran on, for the report's header.</summary>
public static class BuildInfo
{
    public static string Commit()
    {
        var head = Git("rev-parse --short HEAD");
        if (head is null)
        {
            return "unknown (no git)";
        }

        return string.IsNullOrWhiteSpace(Git("status --porcelain --untracked-files=no")) ? head : head + " + uncommitted changes";
    }

    public static string Machine() =>
        $"2 cores, shared with other builds (Environment.ProcessorCount = {Environment.ProcessorCount}); " +
        $"{RuntimeInformation.OSDescription}; .NET {Environment.Version}; " +
        $"{(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC";

    /// <summary>The 1, 5 and 15 minute load averages: on a shared machine they say how much the wall times can be trusted.</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string? Git(string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
            if (git is null)
            {
                return null;
            }

            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}

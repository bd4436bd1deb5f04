using System.Globalization;
using Infra.Cli.Shell;
using Infra.Cli.Shell.Io;
using Spectre.Console.Testing;

namespace Infra.Tests.Support;

/// <summary>
/// The repository's project and demo stack files copied to a folder of their own, the demo moved to free
/// ports so parallel tests and a developer's running demo never meet, and the real command line run in it
/// in-process, as <c>dotnet run -- ARGS</c> would from the repository's root.
/// </summary>
internal sealed class DemoCopy : IDisposable
{
    public DemoCopy()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("infra-demo-copy-").FullName;
        var root = Path.GetDirectoryName(RepoFiles.ProjectFile)!;
        File.Copy(RepoFiles.ProjectFile, Path.Combine(Directory, "Pulumi.yaml"));
        var demo = File.ReadAllText(Path.Combine(root, "Pulumi.demo.yaml"))
            .Replace("18780", ClosedPort.Next().ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("18781", ClosedPort.Next().ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(Directory, "Pulumi.demo.yaml"), demo);
    }

    public string Directory { get; }

    /// <summary>Runs the command line with <paramref name="args"/> and <c>--cwd</c> this folder.</summary>
    public async Task<CliRun> RunAsync(params string[] args)
    {
        var output = new TestConsole();
        var error = new TestConsole();
        output.Profile.Width = 4000;
        error.Profile.Width = 4000;
        var environment = new CliEnvironment(new Dictionary<string, string?> { ["NO_COLOR"] = "1" });
        var host = new CliHost(output, error, environment, StandardInput.None, Infra.Cli.Hosting.Engines.Create(new Infra.Stacks.SpaceliftIntegration()), new StackConfigurationSource(environment), TimeProvider.System);
        var code = await CliApp.RunAsync(host, [.. args, "--cwd", Directory], CancellationToken.None);
        return new CliRun(code, output.Output, error.Output);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // The demo's emulators may still be letting go of their state file; temp folders are cleaned eventually.
        }
    }
}

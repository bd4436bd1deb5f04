namespace Infra.Tests.Support;

/// <summary>Files of the repository and of the build output that the end-to-end tests run against.</summary>
internal static class RepoFiles
{
    /// <summary>The program, copied next to the test assembly by the project reference.</summary>
    public static string InfraDll => Path.Combine(AppContext.BaseDirectory, "Infra.dll");

    /// <summary>The repository's own Pulumi.yaml, so the tests read the project definition users get.</summary>
    public static string ProjectFile
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "Pulumi.yaml");
                if (File.Exists(candidate) && File.Exists(Path.Combine(directory.FullName, "Infra.csproj")))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException("Pulumi.yaml not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The dotnet host that runs the tests, used to start the program as a child process.</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}

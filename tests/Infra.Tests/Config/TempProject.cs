namespace Infra.Tests.Config;

/// <summary>A throwaway project directory holding the repository's own Pulumi.yaml and the stack files a test writes.</summary>
internal sealed class TempProject : IDisposable
{
    public TempProject(string? projectYaml = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "infra-config-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(Path.Combine(Directory, "Pulumi.yaml"), projectYaml ?? File.ReadAllText(Path.Combine(RepositoryRoot, "Pulumi.yaml")));
    }

    /// <summary>The worktree root (where Infra.csproj and the shipped Pulumi files are), found from the test binaries.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public string Directory { get; }

    public string StackPath(string stack) => Path.Combine(Directory, $"Pulumi.{stack}.yaml");

    public TempProject WithStack(string stack, string yaml)
    {
        File.WriteAllText(StackPath(stack), yaml);
        return this;
    }

    public string ReadStack(string stack) => File.ReadAllText(StackPath(stack));

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        for (var depth = 0; depth < 12 && directory is not null; depth++, directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Infra.csproj")) && File.Exists(Path.Combine(directory.FullName, "Pulumi.yaml")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root above " + AppContext.BaseDirectory);
    }
}

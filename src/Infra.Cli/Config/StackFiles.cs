using System.Text.RegularExpressions;

namespace Infra.Cli.Config;

/// <summary>Finds a project's stack files (<c>Pulumi.&lt;stack&gt;.yaml</c>).</summary>
internal static partial class StackFiles
{
    /// <summary>The stack file's path; throws for a stack name Pulumi would refuse (it also keeps paths inside the project).</summary>
    public static string PathFor(ProjectFile project, string stack)
    {
        if (!StackName().IsMatch(stack))
        {
            throw new ConfigException(
                $"stack name '{stack}' is invalid: a stack name may only contain alphanumeric, hyphens, underscores, or periods");
        }

        return Path.Combine(project.StackConfigDirectory, StackFile.FileName(stack));
    }

    /// <summary>Reads the stack file; a missing one is an unknown stack, reported with the stacks that exist.</summary>
    public static StackFile Read(ProjectFile project, string stack)
    {
        var path = PathFor(project, stack);
        if (!File.Exists(path))
        {
            var stacks = List(project.StackConfigDirectory);
            var known = stacks.Count == 0 ? "there are no stack files there" : "stacks found: " + string.Join(", ", stacks);
            throw new ConfigException($"no stack named '{stack}' found: expected the stack file '{path}'; {known}");
        }

        return StackFile.Parse(path, File.ReadAllText(path));
    }

    public static IReadOnlyList<string> List(string directory) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "Pulumi.*.yaml")
                .Select(file => Path.GetFileName(file)["Pulumi.".Length..^".yaml".Length])
                .Where(name => name.Length > 0 && StackName().IsMatch(name))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    [GeneratedRegex("^[A-Za-z0-9_.-]+$")]
    private static partial Regex StackName();
}

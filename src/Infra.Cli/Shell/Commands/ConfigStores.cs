using Infra.Cli.Shell.Io;
using Infra.Cli.Shell.Settings;
using Infra.Cli.Config;

namespace Infra.Cli.Shell.Commands;

/// <summary>Opens the stack file a <c>config</c> command names, with the environment the command line was given.</summary>
internal static class ConfigStores
{
    public static StackConfigStore Open(ConfigSettings settings, CliEnvironment environment)
    {
        var directory = settings.Cwd ?? ".";
        if (string.IsNullOrEmpty(settings.Stack))
        {
            var stacks = StackFiles.List(ProjectFile.Load(Path.GetFullPath(directory)).StackConfigDirectory);
            var known = stacks.Count == 0 ? "no stack files found" : "stacks found: " + string.Join(", ", stacks);
            throw new ConfigException($"no stack selected: pass --stack <name> ({known})");
        }

        return StackConfigStore.Open(directory, settings.Stack, environment.Variables);
    }
}

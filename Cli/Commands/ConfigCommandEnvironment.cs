using Infra.Cli.Settings;
using Infra.Config;
using Spectre.Console.Cli;

namespace Infra.Cli.Commands;

/// <summary>
/// What the <c>config</c> commands read from outside: environment variables (the passphrase) and
/// stdin (a value given without VALUE). The process's by default; tests hand in their own through
/// the command's data so they never touch the process environment.
/// </summary>
internal sealed record ConfigCommandEnvironment(IReadOnlyDictionary<string, string?> Variables, TextReader? StandardInput)
{
    public static ConfigCommandEnvironment Of(CommandContext context)
        => context.Data as ConfigCommandEnvironment
           ?? new ConfigCommandEnvironment(ProcessEnvironment.Snapshot(), Console.IsInputRedirected ? Console.In : null);

    public StackConfigStore Open(ConfigSettings settings)
    {
        var directory = settings.Cwd ?? ".";
        if (string.IsNullOrEmpty(settings.Stack))
        {
            var stacks = StackFiles.List(Path.GetFullPath(directory));
            var known = stacks.Count == 0 ? "no stack files found" : "stacks found: " + string.Join(", ", stacks);
            throw new ConfigException($"no stack selected: pass --stack <name> ({known})");
        }

        return StackConfigStore.Open(directory, settings.Stack, Variables);
    }
}

using System.ComponentModel;
using System.Text.RegularExpressions;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Infra.Cli.Shell.Settings;

/// <summary>
/// The flags every command that works on one stack takes: which stack, where the project is, and
/// whether plain http:// may leave loopback. Setters exist for Spectre's binder only.
/// </summary>
public abstract partial class StackSettings : CommandSettings
{
    [CommandOption("-s|--stack <NAME>")]
    [Description("The stack to work on (reads Pulumi.<NAME>.yaml).")]
    public string? Stack { get; set; }

    [CommandOption("--insecure")]
    [Description("Allow plain http:// to hosts other than loopback.")]
    public bool Insecure { get; set; }

    [CommandOption("--cwd <DIR>")]
    [Description("Run as if started in DIR (where Pulumi.yaml is).")]
    public string? Cwd { get; set; }

    public string ProjectDirectory => Path.GetFullPath(Cwd ?? ".");

    public override ValidationResult Validate()
    {
        // Spectre fills a valueless --stack with its internal "__default_command" token.
        if (string.IsNullOrWhiteSpace(Stack) || Stack.StartsWith("__", StringComparison.Ordinal))
        {
            return ValidationResult.Error("--stack is required, for example --stack dev");
        }

        if (!StackName().IsMatch(Stack))
        {
            return ValidationResult.Error($"--stack '{Stack}' is not a valid stack name (a letter or digit, then letters, digits, '-', '_' and '.')");
        }

        if (Cwd is not null && !Directory.Exists(Cwd))
        {
            return ValidationResult.Error($"--cwd '{Cwd}' is not a directory");
        }

        return ValidateCommand();
    }

    /// <summary>The command's own checks, after the stack and folder are known to be valid.</summary>
    protected virtual ValidationResult ValidateCommand() => ValidationResult.Success();

    // Pulumi's stack-name characters, starting with a letter or digit.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")]
    private static partial Regex StackName();
}

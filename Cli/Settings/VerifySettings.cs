using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Infra.Cli.Settings;

/// <summary>Flags of <c>verify</c>. Setters exist for Spectre's binder only.</summary>
public sealed partial class VerifySettings : CommandSettings
{
    public const int MaxTimeoutSeconds = 3600;

    [CommandOption("-s|--stack <NAME>")]
    [Description("The stack to verify (reads Pulumi.<NAME>.yaml).")]
    public string? Stack { get; set; }

    [CommandOption("--trigger <STACK_ID>")]
    [Description("Also run trigger_spacelift_stack for this Spacelift stack: this starts a real Spacelift run.")]
    public string? Trigger { get; set; }

    [CommandOption("--json")]
    [Description("Print one JSON document instead of text.")]
    public bool Json { get; set; }

    // A string, so a bad value gets our one-line message rather than Spectre's conversion error.
    [CommandOption("--timeout <SECONDS>")]
    [Description("How long to wait for each run to end (default 120).")]
    public string? Timeout { get; set; }

    [CommandOption("--insecure")]
    [Description("Allow plain http:// to hosts other than loopback.")]
    public bool Insecure { get; set; }

    [CommandOption("--cwd <DIR>")]
    [Description("Run as if started in DIR (where Pulumi.yaml is).")]
    public string? Cwd { get; set; }

    public string ProjectDirectory => Path.GetFullPath(Cwd ?? ".");

    public TimeSpan? TimeoutSpan => Timeout is null ? null
        : int.TryParse(Timeout, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= MaxTimeoutSeconds ? TimeSpan.FromSeconds(seconds) : null;

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

        if (Trigger is not null && (string.IsNullOrWhiteSpace(Trigger) || Trigger.StartsWith("__", StringComparison.Ordinal)))
        {
            return ValidationResult.Error("--trigger needs a Spacelift stack id, for example --trigger my-stack");
        }

        if (Timeout is not null && TimeoutSpan is null)
        {
            return ValidationResult.Error($"--timeout '{Timeout}' is not a whole number of seconds from 1 to {MaxTimeoutSeconds}");
        }

        if (Cwd is not null && !Directory.Exists(Cwd))
        {
            return ValidationResult.Error($"--cwd '{Cwd}' is not a directory");
        }

        return ValidationResult.Success();
    }

    // Pulumi's stack-name characters, starting with a letter or digit (as OperationSettings checks them).
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")]
    private static partial Regex StackName();
}

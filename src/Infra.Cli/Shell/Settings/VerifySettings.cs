using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Infra.Cli.Shell.Settings;

/// <summary>Flags of <c>verify</c>. Setters exist for Spectre's binder only.</summary>
public sealed class VerifySettings : StackSettings
{
    public const int MaxTimeoutSeconds = 3600;

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

    public TimeSpan? TimeoutSpan => Timeout is null ? null
        : int.TryParse(Timeout, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= MaxTimeoutSeconds ? TimeSpan.FromSeconds(seconds) : null;

    protected override ValidationResult ValidateCommand()
    {
        if (Trigger is not null && (string.IsNullOrWhiteSpace(Trigger) || Trigger.StartsWith("__", StringComparison.Ordinal)))
        {
            return ValidationResult.Error("--trigger needs a Spacelift stack id, for example --trigger my-stack");
        }

        if (Timeout is not null && TimeoutSpan is null)
        {
            return ValidationResult.Error($"--timeout '{Timeout}' is not a whole number of seconds from 1 to {MaxTimeoutSeconds}");
        }

        return ValidationResult.Success();
    }
}

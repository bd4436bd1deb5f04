using System.ComponentModel;
using System.Text.RegularExpressions;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Infra.Cli.Settings;

/// <summary>Flags shared by preview, up, destroy and refresh. Setters exist for Spectre's binder only.</summary>
public partial class OperationSettings : CommandSettings
{
    [CommandOption("-s|--stack <NAME>")]
    [Description("The stack to operate on (reads Pulumi.<NAME>.yaml).")]
    public string? Stack { get; set; }

    [CommandOption("--diff")]
    [Description("Show property-level differences.")]
    public bool Diff { get; set; }

    [CommandOption("--json")]
    [Description("Print one JSON document instead of text (same as --format json).")]
    public bool Json { get; set; }

    // A string, not the enum: Spectre's own conversion error names CLR types ("Nullable`1").
    [CommandOption("--format <FORMAT>")]
    [Description("Output format: text, json or markdown.")]
    public string? Format { get; set; }

    [CommandOption("--expect-no-changes")]
    [Description("Exit with code 7 when there are changes (checked after applying, as Pulumi does).")]
    public bool ExpectNoChanges { get; set; }

    [CommandOption("--allow-mass-delete")]
    [Description("Allow deleting more entities than the prune threshold, or all of them.")]
    public bool AllowMassDelete { get; set; }

    [CommandOption("--take-over")]
    [Description("Take over declared resources another stack owns (their owner mark moves to this stack).")]
    public bool TakeOver { get; set; }

    [CommandOption("--insecure")]
    [Description("Allow plain http:// to hosts other than loopback.")]
    public bool Insecure { get; set; }

    [CommandOption("--cwd <DIR>")]
    [Description("Run as if started in DIR (where Pulumi.yaml is).")]
    public string? Cwd { get; set; }

    [CommandOption("--show-sames")]
    [Description("Also list resources that are unchanged.")]
    public bool ShowSames { get; set; }

    public OutputFormat OutputFormat => Json ? OutputFormat.Json : ParsedFormat ?? OutputFormat.Text;

    private OutputFormat? ParsedFormat =>
        Enum.GetValues<OutputFormat>().Select(f => (OutputFormat?)f)
            .FirstOrDefault(f => f.ToString()!.Equals(Format, StringComparison.OrdinalIgnoreCase));

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

        if (Format is not null && ParsedFormat is null)
        {
            return ValidationResult.Error($"--format '{Format}' is not one of text, json, markdown");
        }

        if (Json && ParsedFormat is { } format && format != OutputFormat.Json)
        {
            return ValidationResult.Error($"--json conflicts with --format {Format}");
        }

        if (Cwd is not null && !Directory.Exists(Cwd))
        {
            return ValidationResult.Error($"--cwd '{Cwd}' is not a directory");
        }

        return ValidationResult.Success();
    }

    // Pulumi's stack-name characters, starting with a letter or digit.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")]
    private static partial Regex StackName();
}

using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Infra.Cli.Shell.Settings;

/// <summary>Flags shared by preview, up, destroy and refresh. Setters exist for Spectre's binder only.</summary>
public class OperationSettings : StackSettings
{
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

    [CommandOption("--show-sames")]
    [Description("Also list resources that are unchanged.")]
    public bool ShowSames { get; set; }

    public OutputFormat OutputFormat => Json ? OutputFormat.Json : ParsedFormat ?? OutputFormat.Text;

    private OutputFormat? ParsedFormat =>
        Enum.GetValues<OutputFormat>().Select(f => (OutputFormat?)f)
            .FirstOrDefault(f => f.ToString()!.Equals(Format, StringComparison.OrdinalIgnoreCase));

    protected override ValidationResult ValidateCommand()
    {
        if (Format is not null && ParsedFormat is null)
        {
            return ValidationResult.Error($"--format '{Format}' is not one of text, json, markdown");
        }

        if (Json && ParsedFormat is { } format && format != OutputFormat.Json)
        {
            return ValidationResult.Error($"--json conflicts with --format {Format}");
        }

        return ValidationResult.Success();
    }
}

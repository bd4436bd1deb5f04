using System.ComponentModel;
using Spectre.Console.Cli;

namespace Infra.Cli.Shell.Settings;

/// <summary>Flags of the verbs that change something (up, destroy, refresh).</summary>
public sealed class ApplySettings : OperationSettings
{
    [CommandOption("-y|--yes")]
    [Description("Apply without asking for confirmation.")]
    public bool Yes { get; set; }
}

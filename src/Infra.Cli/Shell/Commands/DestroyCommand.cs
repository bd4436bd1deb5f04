using System.ComponentModel;
using Infra.Cli.Shell.Running;
using Infra.Cli.Shell.Settings;
using Spectre.Console.Cli;

namespace Infra.Cli.Shell.Commands;

[Description("Delete every resource this program manages.")]
public sealed class DestroyCommand(OperationRunner runner) : AsyncCommand<ApplySettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, ApplySettings settings, CancellationToken cancellationToken)
        => runner.RunAsync(CliVerb.Destroy, settings, cancellationToken);
}

using System.ComponentModel;
using Infra.Cli.Running;
using Infra.Cli.Settings;
using Spectre.Console.Cli;

namespace Infra.Cli.Commands;

[Description("Delete every resource this program manages.")]
public sealed class DestroyCommand(OperationRunner runner) : AsyncCommand<ApplySettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, ApplySettings settings, CancellationToken cancellationToken)
        => runner.RunAsync(CliVerb.Destroy, settings, cancellationToken);
}

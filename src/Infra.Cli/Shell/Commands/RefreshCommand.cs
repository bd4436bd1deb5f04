using System.ComponentModel;
using Infra.Cli.Shell.Running;
using Infra.Cli.Shell.Settings;
using Spectre.Console.Cli;

namespace Infra.Cli.Shell.Commands;

[Description("Reconcile the recorded state with live Port.")]
public sealed class RefreshCommand(OperationRunner runner) : AsyncCommand<ApplySettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, ApplySettings settings, CancellationToken cancellationToken)
        => runner.RunAsync(CliVerb.Refresh, settings, cancellationToken);
}

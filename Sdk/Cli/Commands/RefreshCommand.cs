using System.ComponentModel;
using Infra.Cli.Running;
using Infra.Cli.Settings;
using Spectre.Console.Cli;

namespace Infra.Cli.Commands;

[Description("Reconcile the recorded state with live Port.")]
public sealed class RefreshCommand(OperationRunner runner) : AsyncCommand<ApplySettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, ApplySettings settings, CancellationToken cancellationToken)
        => runner.RunAsync(CliVerb.Refresh, settings, cancellationToken);
}

using System.ComponentModel;
using Infra.Cli.Shell.Running;
using Infra.Cli.Shell.Settings;
using Spectre.Console.Cli;

namespace Infra.Cli.Shell.Commands;

[Description("Show a preview of the changes up would make (writes nothing).")]
public sealed class PreviewCommand(OperationRunner runner) : AsyncCommand<OperationSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, OperationSettings settings, CancellationToken cancellationToken)
        => runner.RunAsync(CliVerb.Preview, settings, cancellationToken);
}

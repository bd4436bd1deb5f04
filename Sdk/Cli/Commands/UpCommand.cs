using System.ComponentModel;
using Infra.Cli.Running;
using Infra.Cli.Settings;
using Spectre.Console.Cli;

namespace Infra.Cli.Commands;

[Description("Create or update the declared resources in Port.")]
public sealed class UpCommand(OperationRunner runner) : AsyncCommand<ApplySettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, ApplySettings settings, CancellationToken cancellationToken)
        => runner.RunAsync(CliVerb.Up, settings, cancellationToken);
}

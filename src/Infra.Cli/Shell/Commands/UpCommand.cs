using System.ComponentModel;
using Infra.Cli.Shell.Running;
using Infra.Cli.Shell.Settings;
using Spectre.Console.Cli;

namespace Infra.Cli.Shell.Commands;

[Description("Create or update the declared resources in Port.")]
public sealed class UpCommand(OperationRunner runner) : AsyncCommand<ApplySettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, ApplySettings settings, CancellationToken cancellationToken)
        => runner.RunAsync(CliVerb.Up, settings, cancellationToken);
}

using System.ComponentModel;
using Infra.Cli.Hosting;
using Infra.Cli.Shell.Io;
using Infra.Cli.Shell.Rendering.Verify;
using Infra.Cli.Shell.Settings;
using Infra.Cli.Verify;
using Spectre.Console.Cli;

namespace Infra.Cli.Shell.Commands;

[Description("Run the deployed actions through Port as a user would and check every link (--trigger starts a real Spacelift run).")]
public sealed class VerifyCommand(CliHost host) : AsyncCommand<VerifySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, VerifySettings settings, CancellationToken cancellationToken)
    {
        var configuration = host.Configuration.Load(settings.ProjectDirectory, settings.Stack!, settings.Insecure);
        var output = host.Out.Profile.Out.Writer;
        // With --json, stdout carries the document only; progress goes to stderr.
        var progressWriter = settings.Json ? host.Error.Profile.Out.Writer : output;
        var options = new VerifyOptions(settings.Trigger, settings.TimeoutSpan ?? VerifyOptions.DefaultTimeout, VerifyOptions.DefaultPollInterval);
        if (!settings.Json)
        {
            output.WriteLine(settings.Trigger is null
                ? $"Verifying ({configuration.Stack}): read who may run the actions, then refresh the token through Port"
                : $"Verifying ({configuration.Stack}): read who may run the actions, refresh the token, then trigger a Spacelift run of '{settings.Trigger}'");
        }

        // What the program declares: what to run, and the permissions to say when Port's were changed since the last `up`.
        var targets = VerifyTargets.From(await host.Engines.DeclareAsync(configuration, cancellationToken));

        VerifyReport report;
        await using (var session = await VerifySession.OpenAsync(configuration, new DemoEmulators(), host.Time, cancellationToken))
        {
            var verifier = new IntegrationVerifier(session.Port, options, host.Time, configuration.Spacelift.Endpoint, session.Scrubber, line => progressWriter.WriteLine(line), targets);
            report = await verifier.RunAsync(configuration.Stack, cancellationToken);
        }

        if (settings.Json)
        {
            output.WriteLine(VerifyJson.Render(report));
        }
        else
        {
            foreach (var line in VerifyText.Lines(report))
            {
                output.WriteLine(line);
            }
        }

        if (report.FirstFailure is { BrokenLink: { } link } failed)
        {
            host.Error.Profile.Out.Writer.WriteLine($"error: verify: {link.Describe()} broke at {failed.Action}: {failed.Message}");
        }

        return report.ExitCode;
    }
}

using System.Reflection;
using Infra.Cli.Shell.Commands;
using Infra.Cli.Shell.Io;
using Infra.Cli.Shell.Running;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Infra.Cli.Shell;

/// <summary>Builds the command line: the four verbs, the config branch, services and the error handler.</summary>
public static class CliApp
{
    public const string Name = "infra";

    public static CommandApp Create(CliHost host)
    {
        var services = new ServiceCollection()
            .AddSingleton(host.Out)
            .AddSingleton(host.Environment)
            .AddSingleton(host.Input)
            .AddSingleton(host.Engines)
            .AddSingleton(host.Configuration)
            .AddSingleton(host.Time)
            .AddSingleton(host)
            .AddSingleton<OperationRunner>();
        var app = new CommandApp(new TypeRegistrar(services));
        app.Configure(config =>
        {
            config.SetApplicationName(Name);
            config.UseStrictParsing();
            config.SetApplicationVersion(Version);
            config.ConfigureConsole(host.Out);
            config.SetExceptionHandler((exception, _) => ErrorHandler.Handle(exception, host.Error));
            config.AddCommand<PreviewCommand>("preview").WithExample("preview", "--stack", "dev", "--diff");
            config.AddCommand<UpCommand>("up").WithExample("up", "--stack", "dev", "--yes");
            config.AddCommand<DestroyCommand>("destroy").WithExample("destroy", "--stack", "dev");
            config.AddCommand<RefreshCommand>("refresh").WithExample("refresh", "--stack", "dev", "--yes");
            config.AddCommand<VerifyCommand>("verify").WithExample("verify", "--stack", "dev", "--trigger", "my-stack");
            ConfigCommands.Register(config);
        });
        return app;
    }

    public static Task<int> RunAsync(CliHost host, IEnumerable<string> args, CancellationToken cancellationToken)
        => Create(host).RunAsync(args, cancellationToken);

    private static string Version =>
        typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}

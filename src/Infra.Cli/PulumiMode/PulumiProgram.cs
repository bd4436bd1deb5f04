using Infra.Cli.Decisions;
using Infra.Cli.Decisions.Ownership;
using Infra.Cli.Diagnostics;
using Infra.Cli.Engine.Planning;
using Infra.Cli.Hosting;
using Infra.Cli.Http;
using Infra.Cli.PulumiMode.Bridged;
using Infra.Cli.PulumiMode.Inputs;
using Infra.Cli.PulumiProtocol;
using Infra.Sdk;

namespace Infra.Cli.PulumiMode;

/// <summary>
/// Pulumi engine mode: the same program as the standalone engine (an <see cref="IStackProgram"/>, handed in
/// as the standalone engine is handed one), its graph registered with Pulumi's engine as Pulumi provider
/// resources; Pulumi's engine and the provider plugins do the diffing and the writes. The decisions both
/// executors make (what a failed read holds back, the prune gate, when a secret is written again, what is
/// masked, ownership) are the shared ones in <c>Decisions/</c>. The sequence is the .NET SDK's: the stack,
/// the resources (each after what it depends on), the stack's outputs, then the shutdown handshake.
/// </summary>
/// <remarks>
/// Exit codes follow the .NET SDK's (pulumi/pulumi-dotnet <c>sdk/Pulumi/Deployment/Deployment.Runner.cs</c>):
/// 0 only when everything was registered and no ERROR was logged (the engine then deletes what was not);
/// under <c>--continue-on-error</c> that includes registrations the engine answered FAIL or SKIP, whose
/// id and outputs then read as unknown: the engine has reported them and fails the update itself;
/// 32 after a failure was logged to the engine (the update fails with that message and deletes nothing);
/// 1 when an ERROR diagnostic was logged but the program went on (the shutdown handshake is then
/// skipped, as the SDK skips it), or when even the log could not be written.
/// </remarks>
public sealed class PulumiProgram
{
    public const int Bail = 32;
    public const int LogFailed = 1;
    public const int LoggedErrors = 1;

    private readonly IStackProgram _program;
    private readonly LanguageHostEnvironment _host;
    private readonly IReadOnlyDictionary<string, string?> _environment;
    private readonly TimeProvider _time;

    private PulumiProgram(IStackProgram program, LanguageHostEnvironment host, IReadOnlyDictionary<string, string?> environment, TimeProvider time)
    {
        _program = program;
        _host = host;
        _environment = environment;
        _time = time;
    }

    /// <summary>
    /// Runs <paramref name="program"/> under the engine whose addresses <paramref name="environment"/> carries;
    /// returns the exit code. <paramref name="workingDirectory"/> is where the language host started the
    /// program; <paramref name="error"/> (the process's stderr, which the host shows) is used only when
    /// there is no engine to log to.
    /// </summary>
    public static async Task<int> RunAsync(
        IStackProgram program,
        IReadOnlyDictionary<string, string?> environment,
        string workingDirectory,
        TextWriter error,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        LanguageHostEnvironment host;
        try
        {
            host = LanguageHostEnvironment.Read(environment, workingDirectory);
        }
        catch (PulumiModeException e)
        {
            await error.WriteLineAsync("error: " + e.Message);
            return LogFailed;
        }

        await using var engine = PulumiEngineClient.Connect(host.MonitorAddress, host.EngineAddress);
        var masker = new SecretMasker([]);
        try
        {
            var loggedErrors = await new PulumiProgram(program, host, environment, time).RegisterAsync(engine, m => masker = m, cancellationToken);
            return loggedErrors ? LoggedErrors : 0;
        }
        catch (Exception e) when (e is PulumiModeException or EngineCallException or InfraException)
        {
            return await ReportAsync(engine, error, masker.MaskText(e.Message), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run's token is cancelled only by SIGINT/SIGTERM: report it on a token of its own, bounded,
            // since the engine may be shutting down too.
            using var report = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            return await ReportAsync(
                engine,
                error,
                "the run was interrupted (SIGINT or SIGTERM) before every resource was registered; Pulumi keeps what it recorded, and the next `pulumi up` finishes the rest",
                report.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Unanticipated: still one line through the engine (no stack trace), masked like the rest.
            return await ReportAsync(engine, error, masker.MaskText($"{e.GetType().Name}: {e.Message}"), cancellationToken);
        }
    }

    private static async Task<int> ReportAsync(PulumiEngineClient engine, TextWriter error, string message, CancellationToken cancellationToken)
    {
        try
        {
            await engine.LogAsync(EngineLogLevel.Error, message, urn: null, cancellationToken);
            return Bail;
        }
        catch (Exception e) when (e is EngineCallException or OperationCanceledException)
        {
            await error.WriteLineAsync("error: " + message);
            return LogFailed;
        }
    }

    /// <summary>Registers everything; true when an ERROR diagnostic was logged on the way.</summary>
    private async Task<bool> RegisterAsync(PulumiEngineClient engine, Action<SecretMasker> useMasker, CancellationToken cancellationToken)
    {
        // The stack first, as every SDK does: the engine needs it as the parent of everything else.
        var stack = await engine.RegisterResourceAsync(
            new ResourceRegistration("pulumi:pulumi:Stack", $"{_host.Project}-{_host.Stack}", Custom: false, Parent: "", Inputs: []),
            cancellationToken);
        await engine.SetRootResourceAsync(stack.Urn, cancellationToken);

        var config = PulumiStackConfig.Load(_host, _environment);
        var configuration = config.Configuration;
        var masker = configuration.NewMasker();
        useMasker(masker);

        var options = new ClientOptions() with
        {
            Concurrency = configuration.Settings.Concurrency,
            Insecure = configuration.Settings.Insecure,
            Time = _time,
        };
        var services = StackServicesFactory.Create(configuration, options);

        // Owned by the project and stack the Pulumi CLI runs, so a stack that moves between the two
        // executors keeps its resources and stays their owner. A refused credential ends the run here.
        var owner = new StackOwner(_host.Project, _host.Stack);
        var context = new ProgramContext(configuration.Values, owner, readsData: true, services.ForProgram) { SecretWriter = GraphRegistrar.Writer };
        var graph = await _program.DeclareAsync(context, cancellationToken);
        ThrowIfUnrenderable(graph);
        // A parameterized package needs an engine that takes packageRef: asked before anything else is registered.
        var packages = new PackageReferences(engine);
        var bridged = graph.Resources.Any(r => BridgedKinds.Covers(r.Address.Kind));
        if (bridged && !await packages.SupportedAsync())
        {
            throw new PulumiModeException(SpaceliftPackage.UnsupportedMessage);
        }

        var addresses = graph.Resources.Select(r => r.Address).ToList();
        var live = await LiveSnapshot.ReadAsync(services.Port, services.Providers, addresses.Concat(graph.Notices.Select(n => n.Address)), cancellationToken);
        SharedSecrets.MaskReadBack(live.Resources, masker);

        // Pulumi's state is per stack but Port's identifiers are per organisation: without this, the
        // provider would create over (or update) another stack's resources. Before any Port resource
        // is registered, so a refusal leaves nothing for the engine to do but the stack.
        var ownership = OwnershipCheck.Require(owner, addresses, live.Resources, configuration.Settings.TakeOver);
        var run = new Registrations(engine, stack.Urn, owner, _host.DryRun, Math.Clamp(_host.Parallel, 1, 128));
        foreach (var finding in ownership.Findings.Values)
        {
            if (finding.Reason(owner) is { } reason)
            {
                var level = finding.Status == OwnershipStatus.TakenOver ? EngineLogLevel.Warning : EngineLogLevel.Info;
                await run.LogAsync(level, $"{finding.Address}: {reason}", cancellationToken);
            }
        }

        // One Port target: the provider gets exactly the organisation, URL and credentials read and
        // checked above (and templated into the automation), whatever the stack's port:* keys say.
        await run.RegisterProviderAsync(configuration.Port, cancellationToken);
        if (bridged)
        {
            // The same for Spacelift: the provider gets the endpoint and key the program read Spacelift with.
            await run.RegisterSpaceliftProviderAsync(packages, configuration.Spacelift, cancellationToken);
        }

        var holds = ReadHolds.Decide(graph, [], live.Unreadable, masker);
        var registrar = new GraphRegistrar(run, config, owner, masker, _time.GetUtcNow());
        await registrar.RegisterAsync(graph, live, holds, cancellationToken);
        await engine.RegisterResourceOutputsAsync(stack.Urn, run.Outputs, run.SpecialOutputs, cancellationToken);
        if (run.LoggedErrors)
        {
            return true;
        }

        await engine.SignalAndWaitForShutdownAsync(cancellationToken);
        return false;
    }

    /// <summary>Every kind the graph declares needs a Pulumi provider to register it: otherwise nothing is registered at all, rather than part of the graph.</summary>
    private static void ThrowIfUnrenderable(ResourceGraph graph)
    {
        var missing = graph.Resources.Where(r => ProviderInputs.For(r.Address.Kind) is null && !BridgedKinds.Covers(r.Address.Kind)).Select(r => r.Address).ToList();
        if (missing.Count > 0)
        {
            throw new PulumiModeException(
                $"{string.Join(", ", missing.Select(a => a.Kind.Name).Distinct())} resources cannot be registered under Pulumi: no Pulumi provider of this program declares them "
                + $"({string.Join(", ", missing)}); run this configuration with the standalone engine (dotnet run -- up --stack NAME)");
        }
    }
}

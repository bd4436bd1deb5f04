using System.Text.Json.Nodes;
using Infra.Cli.Config;
using Infra.Cli.Diagnostics;
using Infra.Cli.Engine;
using Infra.Cli.Engine.Ownership;
using Infra.Cli.Http;
using Infra.Sdk;
using Infra.Cli.Port;
using Infra.Sdk.ProviderInputs;
using Infra.Cli.PulumiProtocol;
using Infra.Cli.Spacelift;
using Infra.Sdk.Declarations;

namespace Infra.Cli.PulumiMode;

/// <summary>
/// Pulumi engine mode: the same declarations as the standalone engine (a <see cref="StackProgram"/>, handed
/// in as the standalone engine is handed one), registered with Pulumi's engine as Port provider resources; Pulumi's engine and the Port plugin do
/// the diffing and the writes. The sequence is the .NET SDK's: the stack, the resources (dependents only
/// after what they need), the stack's outputs, then the shutdown handshake.
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

    private readonly StackProgram _program;
    private readonly LanguageHostEnvironment _host;
    private readonly IReadOnlyDictionary<string, string?> _environment;
    private readonly TimeProvider _time;

    private PulumiProgram(StackProgram program, LanguageHostEnvironment host, IReadOnlyDictionary<string, string?> environment, TimeProvider time)
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
        StackProgram program,
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
        catch (EngineCallException)
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
        LiveUpdatesRefusal.ThrowIfOn(configuration);
        var apiKeyId = new Secret(configuration.Spacelift.ApiKeyId);
        var masker = new SecretMasker([apiKeyId, configuration.Spacelift.ApiKeySecret, configuration.Port.ClientSecret]);
        useMasker(masker);

        var options = new ClientOptions() with
        {
            Concurrency = configuration.Settings.Concurrency,
            Insecure = configuration.Settings.Insecure,
            Time = _time,
        };
        var port = PortClient.Create(configuration.Port, options);
        var spacelift = SpaceliftClient.Create(configuration.Spacelift, options);
        try
        {
            // Exactly what the standalone engine declares (names, permissions), owned by the project and
            // stack the Pulumi CLI runs, so a stack that moves between the two executors keeps its
            // resources and stays their owner. Live updates were refused above.
            var owner = new StackOwner(_host.Project, _host.Stack);
            var inputs = DeclarationInputs.For(configuration) with { Owner = owner };
            var addresses = _program(inputs, []).State.Resources.Select(r => r.Address).Where(a => !a.Kind.BulkPerBlueprint).ToList();
            var read = await LiveRead.ReadAsync(port, spacelift, addresses, configuration.Settings.Blueprint, masker, cancellationToken);

            // Pulumi's state is per stack but Port's identifiers are per organisation: without this, the
            // provider would create over (or update) another stack's resources. Before any Port resource
            // is registered, so a refusal leaves nothing for the engine to do but the stack.
            var ownership = OwnershipCheck.Require(owner, addresses, read.Resources, configuration.Settings.TakeOver);
            var run = new Registrations(engine, stack.Urn, _host.DryRun, Math.Clamp(_host.Parallel, 1, 128));
            foreach (var finding in ownership.Findings.Values)
            {
                if (finding.Reason(owner) is { } reason)
                {
                    var level = finding.Status == OwnershipStatus.TakenOver ? EngineLogLevel.Warning : EngineLogLevel.Info;
                    await run.LogAsync(level, $"{finding.Address}: {reason}", cancellationToken);
                }
            }

            await RegisterDeclarationsAsync(run, config, inputs, read, spacelift, cancellationToken);
            await engine.RegisterResourceOutputsAsync(stack.Urn, run.Outputs, run.SpecialOutputs, cancellationToken);
            if (run.LoggedErrors)
            {
                return true;
            }

            await engine.SignalAndWaitForShutdownAsync(cancellationToken);
            return false;
        }
        finally
        {
            foreach (var owned in new object[] { port, spacelift }.OfType<IAsyncDisposable>())
            {
                await owned.DisposeAsync();
            }
        }
    }

    private async Task RegisterDeclarationsAsync(
        Registrations run,
        PulumiStackConfig config,
        IntegrationInputs inputs,
        LiveRead read,
        ISpaceliftClient spacelift,
        CancellationToken cancellationToken)
    {
        var configuration = config.Configuration;
        var blueprint = configuration.Settings.Blueprint;
        var names = inputs.Identifiers;
        var declaration = _program(inputs, read.Stacks);

        // Rejected stacks still exist in Spacelift: their live entity is registered unchanged, so
        // Pulumi keeps it, as the standalone engine never deletes them.
        var declared = declaration.State.Resources.Where(r => r.Address.Kind == ResourceKind.Entity).Select(r => r.Address.Id).ToHashSet(StringComparer.Ordinal);
        var kept = read.Entities.Where(e => declaration.RejectedIds.Contains(e.Key) && !declared.Contains(e.Key)).ToList();
        var toDelete = read.Entities.Keys.Count(id => !declared.Contains(id) && !declaration.RejectedIds.Contains(id));
        var doubt = DeletionGate.Doubt(read.SpaceliftFailure, read.Stacks.Count, read.Entities.Count, toDelete, configuration.Settings.PruneThreshold, config.AllowMassDelete, blueprint);
        if (doubt is not null)
        {
            throw new PulumiModeException(doubt);
        }

        // One Port target: the provider gets exactly the organisation, URL and credentials read and
        // checked above (and templated into the automation), whatever the stack's port:* keys say.
        // After every refusal, so a refused run still registers nothing but the stack.
        await run.RegisterProviderAsync(configuration.Port, cancellationToken);

        foreach (var diagnostic in declaration.Diagnostics)
        {
            await run.LogAsync(diagnostic.Severity == Severity.Error ? EngineLogLevel.Error : EngineLogLevel.Warning, diagnostic.Message, cancellationToken);
        }

        if (toDelete > 0 && config.AllowMassDelete)
        {
            await run.LogAsync(EngineLogLevel.Warning, $"{toDelete} entities of '{blueprint}' are no longer in Spacelift; infra:allowMassDelete lets Pulumi delete those it manages", cancellationToken);
        }

        var resources = declaration.State.Resources;
        var byAddress = resources.ToDictionary(r => r.Address);
        RegisteredResource Registered(ResourceKind kind, string id) => run.Registered[new ResourceAddress(kind, id)];

        // 1. The blueprint and the three secrets are independent of each other.
        var blueprintResource = resources.Single(r => r.Address.Kind == ResourceKind.Blueprint);
        var keySecrets = new[] { names.ApiKeyIdSecret, names.ApiKeySecretSecret };
        var keyChanging = false;
        var first = new List<Task>
        {
            run.RegisterAsync(blueprintResource, Render(blueprintResource, blueprint), [], cancellationToken),
        };
        foreach (var name in keySecrets)
        {
            var resource = byAddress[new ResourceAddress(ResourceKind.Secret, name)];
            var description = TokenDecision.KeyDescription(DeclaredDescription(resource), configuration.Port.ClientSecret, name, resource.SecretValue!);
            var live = read.Secret(name);
            keyChanging |= live is not null && !TokenDecision.FingerprintMatches(InputShapes.Text(live["description"]), description);
            var rendered = Render(resource, blueprint);
            rendered["description"] = description;
            first.Add(run.RegisterAsync(resource, rendered, [], cancellationToken, special: Secret(resource.SecretValue!)));
        }

        first.Add(RegisterTokenAsync(run, config, names, read, keyChanging, byAddress, spacelift, cancellationToken));
        await Task.WhenAll(first);

        // 2. The actions need the blueprint (the trigger's user input names it) and the secrets they template.
        var trigger = byAddress[new ResourceAddress(ResourceKind.Action, names.TriggerAction)];
        var refresh = byAddress[new ResourceAddress(ResourceKind.Action, names.RefreshAction)];
        await Task.WhenAll(
            run.RegisterAsync(trigger, Render(trigger, blueprint), [Registered(ResourceKind.Blueprint, blueprint).Urn, Registered(ResourceKind.Secret, names.TokenSecret).Urn], cancellationToken),
            run.RegisterAsync(refresh, Render(refresh, blueprint), [.. keySecrets.Select(n => Registered(ResourceKind.Secret, n).Urn)], cancellationToken));

        // 3. Each action's permissions live in it, and the automation runs after the refresh action and writes the token secret.
        var permissions = resources.Where(r => r.Address.Kind == ResourceKind.ActionPermissions)
            .Select(p => run.RegisterAsync(p, Render(p, blueprint), [Registered(ResourceKind.Action, p.Address.Id).Urn], cancellationToken))
            .ToList();
        var automation = byAddress[new ResourceAddress(ResourceKind.Automation, names.TokenAutomation)];
        var automationTask = run.RegisterAsync(
            automation,
            Render(automation, blueprint),
            [Registered(ResourceKind.Action, names.RefreshAction).Urn, Registered(ResourceKind.Secret, names.TokenSecret).Urn],
            cancellationToken);

        // 4. The entities, concurrently: each needs only the blueprint.
        var blueprintUrn = Registered(ResourceKind.Blueprint, blueprint).Urn;
        var entities = resources.Where(r => r.Address.Kind == ResourceKind.Entity)
            .Select(r => (r, Render(r, blueprint)))
            .Concat(kept.Select(e => new DesiredResource(new ResourceAddress(ResourceKind.Entity, e.Key), e.Value)).Select(r => (r, Render(r, blueprint))))
            .ToList();
        await Task.WhenAll(entities.Select(e => run.RegisterAsync(e.Item1, e.Item2, [blueprintUrn], cancellationToken)).Append(automationTask).Concat(permissions));

        // Port's blueprint id is its identifier, so a create in a preview (no id yet) still reports it. After a
        // failed or skipped step the SDK takes an id the engine sent (a failed update keeps the old one) as
        // known and a missing one as unknown.
        var blueprintAnswer = Registered(ResourceKind.Blueprint, blueprint);
        if (blueprintAnswer.Id.Length > 0)
        {
            run.Outputs["blueprintId"] = blueprintAnswer.Id;
        }
        else
        {
            run.Output("blueprintId", blueprint, blueprintAnswer);
        }

        run.Outputs["entityCount"] = entities.Count;
    }

    private async Task RegisterTokenAsync(
        Registrations run,
        PulumiStackConfig config,
        ResourceNames names,
        LiveRead read,
        bool keyChanging,
        IReadOnlyDictionary<ResourceAddress, DesiredResource> byAddress,
        ISpaceliftClient spacelift,
        CancellationToken cancellationToken)
    {
        var configuration = config.Configuration;
        var resource = byAddress[new ResourceAddress(ResourceKind.Secret, names.TokenSecret)];
        var live = read.Secret(names.TokenSecret);
        var liveDescription = InputShapes.Text(live?["description"]);
        var decision = TokenDecision.Decide(live is not null, liveDescription, keyChanging, config.RotateToken, _time.GetUtcNow(), configuration.Settings.TokenRotationWindow);
        var inputs = Render(resource, configuration.Settings.Blueprint);

        if (!decision.Mint)
        {
            // Pulumi keeps the value and description it stored (the automation refreshes the real token in
            // Port); what is sent here is only used if Pulumi has no state for the secret yet.
            inputs["description"] = liveDescription ?? DeclaredDescription(resource);
            await run.RegisterAsync(resource, inputs, [], cancellationToken, special: Secret(new Secret("")), ignoreChanges: TokenDecision.KeptInputs);
            run.Output("tokenValidUntil", TokenDecision.RecordedValidUntil(liveDescription)?.ToString("O"), run.Registered[resource.Address]);
            return;
        }

        await run.LogAsync(EngineLogLevel.Info, $"{names.TokenSecret}: {decision.Reason}", cancellationToken);
        if (_host.DryRun)
        {
            // A preview never mints: the value and its validUntil are known only when the update runs.
            var special = new Dictionary<string, SpecialInput>
            {
                [SecretInputs.ValueInput] = SpecialInput.UnknownSecret,
                ["description"] = SpecialInput.Unknown,
            };
            await run.RegisterAsync(resource, inputs, [], cancellationToken, special: special);
            run.SpecialOutputs["tokenValidUntil"] = SpecialInput.Unknown;
            return;
        }

        var token = await spacelift.MintTokenAsync(cancellationToken);
        inputs["description"] = TokenDecision.MintedDescription(DeclaredDescription(resource), token.ValidUntil);
        await run.RegisterAsync(resource, inputs, [], cancellationToken, special: Secret(token.Jwt));
        run.Output("tokenValidUntil", TokenDecision.RecordedValidUntil(inputs["description"]!.GetValue<string>())?.ToString("O"), run.Registered[resource.Address]);
    }

    /// <summary>The secret's declared description (with this stack's owner mark), which the engine's own record follows.</summary>
    private static string DeclaredDescription(DesiredResource resource)
        => InputShapes.Text(resource.Body["description"]) ?? ResourceNames.ManagedSecretDescription;

    private static Dictionary<string, SpecialInput> Secret(Secret value) => new() { [SecretInputs.ValueInput] = SpecialInput.SecretValue(value) };

    /// <summary>The kind's own renderer, from its descriptor: Pulumi mode knows no kind-specific shapes.</summary>
    private static JsonObject Render(DesiredResource resource, string blueprint)
        => (resource.Address.Kind.ProviderInputs ?? throw new PulumiModeException($"{resource.Address}: the {resource.Address.Kind} kind has no Pulumi provider inputs renderer"))
            .Render(resource.Body, blueprint);
}

using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Infra.Cli.Config;
using Infra.Sdk;
using Infra.Cli.PulumiMode.Inputs;
using Infra.Cli.PulumiProtocol;

namespace Infra.Cli.PulumiMode;

/// <summary>
/// One run's registrations: turns a declared resource and its rendered inputs into an engine
/// registration (type token, the resource's name as logical name, the stack as parent, the explicit
/// Port provider and its pinned plugin), keeps the engine's answers by address, and caps how many registrations are in flight.
/// </summary>
/// <remarks>
/// An entity's logical name is <c>blueprint/identifier</c>, as identifiers are only unique within their
/// blueprint. Entities were once named by their identifier alone, so each carries that URN as an alias:
/// the engine takes an entity in such a state as the same resource rather than creating it again and
/// deleting the old one (which, both being the same Port entity, would delete it).
/// </remarks>
internal sealed partial class Registrations(PulumiEngineClient engine, string stackUrn, StackOwner owner, bool dryRun, int inFlight)
{
    private readonly SemaphoreSlim _slots = new(inFlight, inFlight);

    public ConcurrentDictionary<ResourceAddress, RegisteredResource> Registered { get; } = new();

    /// <summary>The stack's outputs (plain values).</summary>
    public JsonObject Outputs { get; } = [];

    /// <summary>Stack outputs not known yet (preview), or reporting on a resource whose step failed or was skipped.</summary>
    public Dictionary<string, SpecialInput> SpecialOutputs { get; } = [];

    /// <summary>
    /// Sets the stack output <paramref name="key"/>, which reports on the resource the engine answered
    /// <paramref name="from"/>: unknown when that resource's step failed or was skipped (--continue-on-error),
    /// since what the value describes did not reach Port, as the .NET SDK resolves such a resource's outputs.
    /// </summary>
    public void Output(string key, JsonNode? value, RegisteredResource from)
    {
        if (from.Succeeded)
        {
            Outputs[key] = value;
        }
        else
        {
            SpecialOutputs[key] = SpecialInput.Unknown;
        }
    }

    public bool DryRun => dryRun;

    /// <summary>The explicit Port provider's reference, once <see cref="RegisterProviderAsync"/> has run.</summary>
    public string Provider { get; private set; } = "";

    /// <summary>Registers the explicit Port provider with <paramref name="port"/>; every later Port resource references it.</summary>
    public async Task RegisterProviderAsync(PortSettings port, CancellationToken cancellationToken)
        => Provider = PortProvider.Reference(await engine.RegisterResourceAsync(PortProvider.Registration(stackUrn, port), cancellationToken));

    public async Task RegisterAsync(
        DesiredResource resource,
        JsonObject inputs,
        IReadOnlyList<string> dependencies,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, SpecialInput>? special = null,
        IReadOnlyList<string>? ignoreChanges = null)
    {
        if (Provider.Length == 0)
        {
            throw new InvalidOperationException("the Port provider must be registered before any Port resource");
        }

        var isSecret = resource.Address.Kind == ResourceKind.Secret;
        var address = resource.Address;
        var registration = new ResourceRegistration(
            address.Type,
            address.Name,
            Custom: true,
            Parent: stackUrn,
            Inputs: inputs,
            Special: special,
            Dependencies: dependencies,
            Version: PortProvider.Version,
            PluginDownloadUrl: PortProvider.PluginDownloadUrl,
            IgnoreChanges: ignoreChanges,
            AdditionalSecretOutputs: isSecret ? [SecretInputs.ValueInput] : null,
            Provider: Provider,
            AliasUrns: address.Blueprint is null ? null : [(address with { Blueprint = null }).Urn(owner.Project, owner.Stack)]);

        await _slots.WaitAsync(cancellationToken);
        try
        {
            Registered[resource.Address] = await engine.RegisterResourceAsync(registration, cancellationToken);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Whether an ERROR was logged: the .NET SDK then ends the run with exit 1 (Deployment.Runner).</summary>
    public bool LoggedErrors => Volatile.Read(ref _errors) > 0;

    private int _errors;

    public Task LogAsync(EngineLogLevel level, string message, CancellationToken cancellationToken)
    {
        if (level == EngineLogLevel.Error)
        {
            Interlocked.Increment(ref _errors);
        }

        return engine.LogAsync(level, message, urn: null, cancellationToken);
    }
}

using Infra.Cli.Http;
using Infra.Sdk;

namespace Infra.Cli.Verify;

/// <summary>
/// What verify runs and checks, found in what the program declares: the actions, automation and secret
/// its outputs name (<see cref="VerifyOutputs"/>), the secrets the token is minted from, the live-update
/// webhook and the self-renewing token's lease when there are, and the declared permissions to compare Port's with.
/// </summary>
public sealed record VerifyTargets(
    string TriggerAction,
    string RefreshAction,
    string TokenAutomation,
    string TokenSecret,
    IReadOnlyList<string> KeySecrets,
    LiveStateTarget? Live,
    DeclaredPermissions Declared)
{
    /// <summary>The self-renewing token, when the program declares one.</summary>
    public RenewalTarget? Renewal { get; init; }

    /// <exception cref="VerifyException">The program declares no output verify needs.</exception>
    public static VerifyTargets From(ResourceGraph graph)
    {
        string Required(string name) => graph.Output(name)
            ?? throw new VerifyException($"the program declares no '{name}' output: verify runs the actions of programs that name them (see {nameof(VerifyOutputs)})");

        var token = Required(VerifyOutputs.TokenSecret);
        var minted = graph.Resources.FirstOrDefault(r => r.Address.Kind == ResourceKind.Secret && r.Address.Id == token)?.Value as SecretValue.Minted;
        var blueprint = Required(VerifyOutputs.Blueprint);
        return new VerifyTargets(
            Required(VerifyOutputs.TriggerAction),
            Required(VerifyOutputs.RefreshAction),
            Required(VerifyOutputs.TokenAutomation),
            token,
            [.. minted?.RenewedWith.Select(a => a.Id) ?? []],
            graph.Output(VerifyOutputs.LiveUpdatesWebhook) is { } webhook ? new LiveStateTarget(blueprint, webhook) : null,
            DeclaredPermissions.From(graph))
        {
            Renewal = RenewalTarget.From(graph),
        };
    }
}

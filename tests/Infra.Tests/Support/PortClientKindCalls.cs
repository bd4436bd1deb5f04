using System.Text.Json.Nodes;
using Infra.Sdk;
using Infra.Cli.Port;

namespace Infra.Tests;

/// <summary>
/// Named shortcuts over the generic <see cref="IPortClient"/> calls, so client tests read as the
/// Port call they make (the product itself only uses the generic calls).
/// </summary>
internal static class PortClientKindCalls
{
    public static Task<JsonObject?> GetBlueprintAsync(this IPortClient port, string identifier, CancellationToken cancellationToken)
        => port.GetAsync(ResourceKind.Blueprint, identifier, cancellationToken);

    public static Task CreateBlueprintAsync(this IPortClient port, JsonObject blueprint, CancellationToken cancellationToken)
        => port.CreateAsync(ResourceKind.Blueprint, blueprint, null, cancellationToken);

    public static Task DeleteBlueprintAsync(this IPortClient port, string identifier, CancellationToken cancellationToken)
        => port.DeleteAsync(ResourceKind.Blueprint, identifier, cancellationToken);

    public static Task<JsonObject?> GetActionAsync(this IPortClient port, string identifier, CancellationToken cancellationToken)
        => port.GetAsync(ResourceKind.Action, identifier, cancellationToken);

    public static Task CreateActionAsync(this IPortClient port, JsonObject action, CancellationToken cancellationToken)
        => port.CreateAsync(ResourceKind.Action, action, null, cancellationToken);

    public static Task ReplaceActionAsync(this IPortClient port, string identifier, JsonObject action, CancellationToken cancellationToken)
        => port.UpdateAsync(ResourceKind.Action, identifier, action, null, cancellationToken);

    public static Task DeleteActionAsync(this IPortClient port, string identifier, CancellationToken cancellationToken)
        => port.DeleteAsync(ResourceKind.Action, identifier, cancellationToken);

    public static Task<JsonObject?> GetSecretAsync(this IPortClient port, string secretName, CancellationToken cancellationToken)
        => port.GetAsync(ResourceKind.Secret, secretName, cancellationToken);

    public static Task CreateSecretAsync(this IPortClient port, string secretName, Secret value, string? description, CancellationToken cancellationToken)
        => port.CreateAsync(ResourceKind.Secret, SecretBody(secretName, description), value, cancellationToken);

    public static Task UpdateSecretAsync(this IPortClient port, string secretName, Secret? value, string? description, CancellationToken cancellationToken)
        => port.UpdateAsync(ResourceKind.Secret, secretName, SecretBody(secretName, description), value, cancellationToken);

    public static Task DeleteSecretAsync(this IPortClient port, string secretName, CancellationToken cancellationToken)
        => port.DeleteAsync(ResourceKind.Secret, secretName, cancellationToken);

    private static JsonObject SecretBody(string secretName, string? description)
    {
        var body = new JsonObject { ["secretName"] = secretName };
        if (description is not null)
        {
            body["description"] = description;
        }

        return body;
    }
}

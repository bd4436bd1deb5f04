using Infra.Cli.Config;
using Infra.Sdk;
using Infra.Cli.Engine.Contract;
using Infra.Sdk.Declarations;

namespace Infra.Cli.Engine.Planning;

/// <summary>
/// Informational diagnostics about the run's surroundings rather than its changes: a demo that
/// ignored environment overrides, who may start Spacelift runs when no stack is protected, and a
/// secret the guide leaves behind that nothing uses.
/// </summary>
internal static class PlanNotes
{
    public static ResourceAddress SpareSecret { get; } = new(ResourceKind.Secret, ResourceNames.GuideSpareSecret);

    public static IEnumerable<Diagnostic> For(Operation operation, StackConfiguration configuration, LiveSnapshot live)
    {
        if (configuration.Settings.Demo is { IgnoredVariables.Count: > 0 } demo)
        {
            yield return new Diagnostic(
                Severity.Info,
                $"demo stack: ignored {string.Join(", ", demo.IgnoredVariables)} from the environment; the demo only talks to its own emulators, at the addresses in {Path.GetFileName(configuration.StackFile)}");
        }

        if (operation == Operation.Update && configuration.Settings.Permissions is { Protected: null } permissions)
        {
            var names = new ResourceNames(configuration.Settings.NameSuffix);
            yield return new Diagnostic(
                Severity.Info,
                $"every member who may execute {names.TriggerAction} ({Who(permissions.Trigger)}) can start runs on every stack, an apply on an autodeploy stack; "
                + "infra:protectedLabel (with infra:protectedTeams and infra:protectedApproverTeams) keeps stacks with that label to those teams, with approval",
                new ResourceAddress(ResourceKind.ActionPermissions, names.TriggerAction));
        }

        if (operation == Operation.Update && live.Resources.ContainsKey(SpareSecret))
        {
            var url = new Uri(configuration.Port.BaseUrl, "v1/organization/secrets/" + ResourceNames.GuideSpareSecret);
            yield return new Diagnostic(
                Severity.Info,
                $"Port holds {ResourceNames.GuideSpareSecret}, the guide's second name for the API key secret: it is not managed here and no declared action reads it "
                + $"(they read {new ResourceNames(configuration.Settings.NameSuffix).ApiKeySecretSecret}); if nothing else uses it, delete it in Port's UI (the organisation's secrets) "
                + $"or with: curl -X DELETE -H \"Authorization: Bearer $PORT_TOKEN\" {url}",
                SpareSecret);
        }
    }

    private static string Who(ActionAccess access)
        => access.Described() is { Count: > 0 } parts ? string.Join("; ", parts) : "nobody";
}

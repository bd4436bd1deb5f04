using Infra.Cli.Engine.Contract;

namespace Infra.Cli.Shell;

/// <summary>Pulumi's wording for each verb (headers, prompt, JSON), kept in one place.</summary>
public static class CliVerbExtensions
{
    public static Operation Operation(this CliVerb verb) => verb switch
    {
        CliVerb.Destroy => Engine.Contract.Operation.Destroy,
        CliVerb.Refresh => Engine.Contract.Operation.Refresh,
        _ => Engine.Contract.Operation.Update,
    };

    public static bool IsPreview(this CliVerb verb) => verb == CliVerb.Preview;

    /// <summary>The noun Pulumi uses in "Previewing update" and "Do you want to perform this update?".</summary>
    public static string OperationNoun(this CliVerb verb) => verb switch
    {
        CliVerb.Destroy => "destroy",
        CliVerb.Refresh => "refresh",
        _ => "update",
    };

    public static string PlanHeader(this CliVerb verb, string stack) => $"Previewing {verb.OperationNoun()} ({stack}):";

    public static string ApplyHeader(this CliVerb verb, string stack) => verb switch
    {
        CliVerb.Destroy => $"Destroying ({stack}):",
        CliVerb.Refresh => $"Refreshing ({stack}):",
        _ => $"Updating ({stack}):",
    };

    /// <summary>The name in JSON and Markdown documents: the command as typed.</summary>
    public static string CommandName(this CliVerb verb) => verb.ToString().ToLowerInvariant();
}

using Infra.Cli.Engine;
using Infra.Sdk;
using Infra.Cli.Engine.Contract;

namespace Infra.Cli.Shell.Rendering;

/// <summary>
/// What a run produced, as the renderers see it: the plan, and for up/destroy/refresh the result of
/// applying it (null for a preview).
/// </summary>
public sealed record RunReport(CliVerb Verb, Plan Plan, ApplyResult? Applied = null)
{
    // The engine counts the deletions a safety rule held back; it is the only source of this fact.
    public bool DeletionsHeldBack => Plan.DeletionsHeldBack;

    public bool HasErrors =>
        Plan.Diagnostics.Concat(Applied?.Diagnostics ?? []).Any(d => d.Severity == Severity.Error)
        || Applied?.Failed > 0;

    /// <summary>The one-word verdict shared by the JSON and Markdown documents.</summary>
    public string Status => this switch
    {
        { HasErrors: true } => "failed",
        { Plan.HasChanges: false } => "no-changes",
        { Applied: null } => "changes-proposed",
        _ => "succeeded",
    };

    public string Urn(ResourceChange change) => change.Address.Urn(Plan.Project, Plan.Stack);
}

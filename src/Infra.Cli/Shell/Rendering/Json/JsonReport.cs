using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Infra.Cli.Engine;
using Infra.Sdk;
using Infra.Cli.Engine.Contract;

namespace Infra.Cli.Shell.Rendering.Json;

/// <summary>
/// The one JSON document of a run (docs/json-output.md). Field names and value spellings are a
/// contract for pipelines: add fields, never rename or remove them.
/// </summary>
public static class JsonReport
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Render(RunReport report, bool showSames)
    {
        var counts = ChangeCounts.Of(report);
        var outcomes = StepIndex.Of(report.Applied);

        var document = new JsonObject
        {
            ["stack"] = report.Plan.Stack,
            ["project"] = report.Plan.Project,
            ["operation"] = report.Verb.CommandName(),
            ["result"] = report.Status,
            ["steps"] = new JsonArray([.. report.Plan.Changes
                .Where(c => c.Kind != ChangeKind.Same || showSames)
                .Select(c => Step(report, c, outcomes.GetValueOrDefault(c.Address)))]),
            ["changeSummary"] = new JsonObject
            {
                ["create"] = counts.Create,
                ["update"] = counts.Update,
                ["delete"] = counts.Delete,
                ["same"] = counts.Same,
                ["failed"] = counts.Failed,
                ["skipped"] = counts.Skipped,
            },
            ["diagnostics"] = new JsonArray([.. ReportDiagnostics.For(report).Select(d => Diagnostic(report, d))]),
            ["deletionsHeldBack"] = report.DeletionsHeldBack,
            ["duration"] = report.Applied is { } applied ? Math.Round(applied.Duration.TotalSeconds, 3) : null,
        };
        return document.ToJsonString(Indented);
    }

    private static JsonObject Step(RunReport report, ResourceChange change, StepResult? result) => new()
    {
        ["op"] = StepWords.Verb(change.Kind),
        ["urn"] = report.Urn(change),
        ["type"] = change.Address.Type,
        ["name"] = change.Address.Id,
        ["diffs"] = new JsonArray([.. change.Diffs.Select(d => new JsonObject
        {
            ["path"] = d.Path,
            ["kind"] = d.Kind.ToString().ToLowerInvariant(),
            ["old"] = d.Old?.DeepClone(),
            ["new"] = d.New?.DeepClone(),
        })]),
        ["reason"] = change.Reason,
        ["outcome"] = result?.Outcome.ToString().ToLowerInvariant(),
        ["message"] = result?.Message,
    };

    private static JsonObject Diagnostic(RunReport report, Diagnostic diagnostic) => new()
    {
        ["severity"] = diagnostic.Severity.ToString().ToLowerInvariant(),
        ["message"] = diagnostic.Message,
        ["urn"] = diagnostic.Address?.Urn(report.Plan.Project, report.Plan.Stack),
    };
}

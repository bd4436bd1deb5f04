using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Infra.Cli.Verify;

namespace Infra.Cli.Shell.Rendering.Verify;

/// <summary><c>verify --json</c>: one document, shape documented in docs/json-output.md.</summary>
public static class VerifyJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Render(VerifyReport report)
    {
        var document = new JsonObject
        {
            ["stack"] = report.Stack,
            ["operation"] = "verify",
            ["result"] = report.Result,
            ["brokenLink"] = report.FirstFailure?.BrokenLink?.JsonName(),
            ["exitCode"] = report.ExitCode,
            ["steps"] = new JsonArray([.. report.Steps.Select(Step)]),
            ["duration"] = Math.Round(report.Duration.TotalSeconds, 3),
        };
        return document.ToJsonString(Indented);
    }

    private static JsonObject Step(VerifyStep step) => new()
    {
        ["name"] = step.Name,
        ["action"] = step.Action,
        ["status"] = step.Status.JsonName(),
        ["message"] = step.Message,
        ["brokenLink"] = step.BrokenLink?.JsonName(),
        ["runId"] = step.RunId,
        ["runStatus"] = step.RunStatus,
        ["runUrl"] = step.RunUrl?.AbsoluteUri,
        ["lastLog"] = step.LastLog,
        ["tokenUpdatedAt"] = step.TokenUpdatedAt,
        ["spaceliftRunId"] = step.SpaceliftRunId,
        ["spaceliftRunUrl"] = step.SpaceliftRunUrl?.AbsoluteUri,
        ["approval"] = step.Approval?.JsonName(),
        ["permissions"] = step.Permissions is { } permissions ? new JsonArray([.. permissions.Select(Access)]) : null,
        ["warning"] = step.Warning,
    };

    private static JsonObject Access(ActionAccessReport access) => new()
    {
        ["action"] = access.Action,
        ["execute"] = access.Execute,
        ["approve"] = access.Approve,
        ["requiredApproval"] = access.RequiredApproval,
        ["matchesDeclaration"] = access.MatchesDeclaration,
    };
}

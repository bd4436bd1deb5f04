using System.Text.Json.Nodes;
using Emulators.Port.Actions;
using Emulators.Port.Http;
using Emulators.Port.Permissions;
using Emulators.Port.Validation;
using Microsoft.AspNetCore.Builder;

namespace Emulators.Port.Runs;

/// <summary>
/// <c>PATCH /v1/actions/runs/{run_id}/approval</c>: an allowed approver approves or declines a run that
/// waits for approval. Approved (by one approver, or for <c>{type: ALL}</c> by every approver) the run
/// goes on as an unapproved run does; declined it ends as <c>DECLINED</c> and nothing is invoked.
/// </summary>
internal sealed class ApprovalRoutes(PortContext context, RunService runs, PolicyEvaluator policies)
{
    private const string Approve = "APPROVE";
    private const string Decline = "DECLINE";

    private Organisation Organisation => context.Organisation;

    public void Map(WebApplication app, PortPipeline pipeline) => pipeline.Map(app, "PATCH", "/v1/actions/runs/{id}/approval", Decide);

    /// <remarks>201 with the run, as the OpenAPI answers; the approver is the token's user or <c>run_as</c>.</remarks>
    private ApiResult Decide(PortRequest request)
    {
        var body = request.ObjectBody();
        JsonChecks.AllowOnly(body, "body", "status", "description");
        var decision = JsonChecks.String(body, "status", "body");
        JsonChecks.OneOf(body, "status", "body", Decline, Approve);
        var description = JsonChecks.OptionalString(body, "description", "body");
        if (request.Query("version") is { } version && version is not ("v1" or "v2"))
        {
            throw PortApiError.Invalid($"querystring/version must be one of v1, v2, got '{version}'");
        }

        var approver = context.Users.Caller(request);
        RunRecord record;
        IReadOnlyList<string> approvers;
        bool every;
        lock (Organisation.Gate)
        {
            record = runs.Find(request.Route("id"));
            EnsureWaiting(record.Run);
            // The approval the run was created with, whatever the action says since.
            every = record.Run["requiredApproval"] is JsonObject required && required["type"]?.GetValue<string>() == "ALL";
            var approve = (JsonObject)ActionPermissions.Of(Organisation, record.ActionIdentifier)["approve"]!;
            var runContext = record.PolicyContext ?? new JsonObject();
            approvers = ApprovePermission.Approvers(approve, PolicyContext.As(runContext, approver), context.Users, policies);
            if (!approvers.Contains(approver.Email, StringComparer.OrdinalIgnoreCase))
            {
                throw PortApiError.MissingPermissions(ApprovePermission.Refused);
            }
        }

        var proceeds = false;
        var after = runs.Update(record, run =>
        {
            // Checked again under the lock the change is made in: two approvals may race.
            EnsureWaiting(run);
            var approval = new JsonObject { ["userId"] = approver.Email, ["state"] = decision == Approve ? "APPROVED" : RunStatus.Declined };
            if (description is not null)
            {
                approval["description"] = description;
            }

            run["approval"] = approval;
            run["updatedBy"] = approver.Email;
            if (decision == Decline)
            {
                run["status"] = RunStatus.Declined;
                return;
            }

            if (every && !record.Approvers.Add(approver.Email))
            {
                throw PortApiError.Invalid($"'{approver.Email}' has already approved run '{record.Id}'; it waits for the other approvers");
            }

            proceeds = !every || approvers.All(record.Approvers.Contains);
            if (proceeds)
            {
                run["status"] = RunStatus.InProgress;
            }
        });

        if (decision == Decline)
        {
            runs.Log(record, $"Declined by {approver.Email}; the invocation was not sent");
        }
        else if (proceeds)
        {
            runs.Resume(record);
        }

        return new ApiResult(201, new JsonObject { ["run"] = after });
    }

    private static void EnsureWaiting(JsonObject run)
    {
        if (run["status"]?.GetValue<string>() != RunStatus.WaitingForApproval)
        {
            throw new PortApiError(422, "run_not_waiting_for_approval", "Action run is not waiting for approval");
        }
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using Infra.Sdk.Spacelift;

namespace Infra.Stacks;

/// <summary>
/// The full catalogue's entities. A run's entity holds exactly what the live-update webhook can write from
/// Spacelift's run event (<see cref="CatalogueWebhookMappings.Run"/>), in the same spelling, so a run the
/// webhook wrote is no change for the next <c>up</c>; drift detection, which the event does not carry, is only
/// written when true. Absent data is left out, as for stacks, so nothing shows a perpetual diff.
/// </summary>
public static class CatalogueEntities
{
    /// <summary>Port's date-time format, as jq's <c>todate</c> writes a Unix time (the webhook's spelling).</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <param name="parent">The parent's identifier when it is in the catalogue; null for root, or when the parent cannot be related.</param>
    public static JsonObject Space(IntegrationInputs inputs, SpaceliftSpace space, string title, string? parent)
    {
        var properties = new JsonObject();
        Add(properties, "description", space.Description);
        properties["labels"] = new JsonArray([.. space.Labels.Select(l => (JsonNode?)JsonValue.Create(l))]);
        properties["inheritEntities"] = space.InheritEntities;
        properties["link"] = SpaceLink(inputs, space.Id);
        var relations = new JsonObject();
        if (parent is not null)
        {
            relations[CatalogueNames.ParentRelation] = parent;
        }

        return new JsonObject
        {
            ["identifier"] = space.Id,
            ["title"] = title,
            ["properties"] = properties,
            ["relations"] = relations,
        };
    }

    /// <summary>The guide's stack entity, related to its space (when it can be) and with its latest tracked run's time (when it has one).</summary>
    public static JsonObject Stack(IntegrationInputs inputs, SpaceliftStack stack, string? space, SpaceliftRun? latest)
    {
        var entity = SpaceliftIntegration.Entity(inputs, stack);
        if (latest is not null)
        {
            entity["properties"]![CatalogueNames.LatestRunAt] = Time(latest.CreatedAt);
        }

        if (space is not null)
        {
            entity["relations"]![CatalogueNames.SpaceRelation] = space;
        }

        return entity;
    }

    public static JsonObject Run(IntegrationInputs inputs, SpaceliftRun run)
    {
        var properties = new JsonObject
        {
            ["state"] = run.State,
            ["type"] = run.Type,
            ["branch"] = run.Branch,
        };
        Add(properties, "commitHash", run.Commit?.Hash);
        Add(properties, "commitMessage", run.Commit?.Message);
        Add(properties, "commitAuthor", run.Commit?.AuthorName);
        Add(properties, "triggeredBy", run.TriggeredBy);
        if (run.Delta is { } delta)
        {
            properties["added"] = delta.Added;
            properties["changed"] = delta.Changed;
            properties["deleted"] = delta.Deleted;
            properties["resources"] = delta.Resources;
        }

        if (run.DriftDetection)
        {
            properties["driftDetection"] = true;
        }

        properties[CatalogueNames.CreatedAt] = Time(run.CreatedAt);
        properties["updatedAt"] = Time(run.UpdatedAt);
        properties["link"] = RunLink(inputs, run.StackId, run.Id);
        return new JsonObject
        {
            ["identifier"] = run.Id,
            ["title"] = run.Id,
            ["properties"] = properties,
            ["relations"] = new JsonObject { [CatalogueNames.StackRelation] = run.StackId },
        };
    }

    /// <summary>The Spacelift UI page of one run (the page Spacelift's own notification examples link to: user-documentation <c>docs/concepts/policy/notification-policy.md</c>).</summary>
    public static string RunLink(IntegrationInputs inputs, string stackId, string runId) => Base(inputs) + "/stack/" + stackId + "/run/" + runId;

    /// <summary>The Spacelift UI page of one space.</summary>
    public static string SpaceLink(IntegrationInputs inputs, string spaceId) => Base(inputs) + "/spaces/" + Uri.EscapeDataString(spaceId);

    /// <summary>The account's base URL, as the webhook's mapping spells it.</summary>
    public static string Base(IntegrationInputs inputs) => inputs.SpaceliftEndpoint.AbsoluteUri.TrimEnd('/');

    private static void Add(JsonObject properties, string key, string? value)
    {
        if (value is not null)
        {
            properties[key] = value;
        }
    }
}

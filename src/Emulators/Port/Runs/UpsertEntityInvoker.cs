using System.Text.Json;
using System.Text.Json.Nodes;
using Emulators.Jq;
using Emulators.Port.Entities;
using Emulators.Port.Http;

namespace Emulators.Port.Runs;

/// <summary>
/// Executes an <c>UPSERT_ENTITY</c> invocation: renders every <c>{{ }}</c> of the mapping over the run's
/// template context (as WEBHOOK invocations are rendered), then creates the entity when its identifier is
/// new and updates it otherwise (port-docs docs/actions-and-automations/setup-backend/create-update-entity/
/// create-update-entity.md at 4893974), through the same checks as the entity API. Missing related entities
/// are never created: that page says the flag is not supported by this backend.
/// </summary>
internal sealed class UpsertEntityInvoker(PortContext context)
{
    private static readonly string[] EntityFields = ["identifier", "title", "icon", "team", "properties", "relations"];

    private Organisation Organisation => context.Organisation;

    /// <param name="depth">The automation depth of the entity change this write causes.</param>
    /// <returns>A log line on success, or the reason the run fails.</returns>
    public (bool Succeeded, string Message) Invoke(JsonObject invocation, JsonObject templateContext, int depth)
    {
        var blueprintId = invocation["blueprintIdentifier"]!.GetValue<string>();
        JsonObject body;
        try
        {
            body = EntityBody(JqTemplate.Render(invocation["mapping"], templateContext) as JsonObject ?? []);
        }
        catch (JqException e)
        {
            return (false, $"Failed to render the mapping: {e.Message}");
        }
        catch (MappingException e)
        {
            return (false, e.Message);
        }

        EntityWrite write;
        lock (Organisation.Gate)
        {
            if (!Organisation.Blueprints.TryGetValue(blueprintId, out var blueprint))
            {
                return (false, $"Blueprint '{blueprintId}' was not found");
            }

            var mode = context.Options.UpsertEntityUpdate == UpsertEntityUpdate.Merge ? EntityWriteMode.Merge : EntityWriteMode.Replace;
            try
            {
                write = context.EntityWriter.Write(blueprint, body, mode, null, strict: false, createMissingRelated: false, validationOnly: false);
            }
            catch (PortApiError e)
            {
                return (false, $"The entity was refused ({e.Error}): {e.Message}");
            }
        }

        context.Changed();
        context.Automations.EntityChanged(write.Blueprint, write.Before, write.Entity, depth);
        return (true, $"{(write.Created ? "Created" : "Updated")} entity '{write.Identifier}' of blueprint '{blueprintId}'");
    }

    /// <summary>The rendered mapping as an entity body: the identifier is required (Port's docs mark it so), other keys are ignored.</summary>
    private static JsonObject EntityBody(JsonObject rendered)
    {
        if (rendered["identifier"] is not JsonValue identifier || identifier.GetValueKind() != JsonValueKind.String)
        {
            throw new MappingException(rendered.ContainsKey("identifier")
                ? $"The mapping's identifier must render to a string, got {JsonValues.TypeName(rendered["identifier"])}"
                : "The mapping has no identifier; Port needs one to know which entity to create or update");
        }

        var body = new JsonObject();
        foreach (var field in EntityFields.Where(rendered.ContainsKey))
        {
            body[field] = rendered[field]?.DeepClone();
        }

        return body;
    }

    private sealed class MappingException(string message) : Exception(message);
}

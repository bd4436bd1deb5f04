using Emulators.Port.Entities;
using Emulators.Unknowns;
using Emulators.Port.Runs;
using Emulators.Port.Timers;

namespace Emulators.Hosting;

/// <summary>
/// The switches for behaviours Port's and Spacelift's public sources leave open (docs/unknowns.md): each
/// defaults to what the emulators did before it existed; <see cref="Inconvenient"/> turns on the less
/// convenient answer of every one at once. The catalogue's switches (Port's relations, the order of spaces,
/// the run pages and run lists per request) live in EmulatorOptions.cs beside the data they shape; the preset
/// sets them too (RefuseDeletingReferencedBlueprint stays refused: refusing is the stricter answer).
/// </summary>
public sealed partial record EmulatorOptions
{
    /// <summary>What Port answers in a webhook's <c>security.secret</c> (<c>--port-webhook-secret</c>).</summary>
    public WebhookSecretOnRead PortWebhookSecret { get; init; } = WebhookSecretOnRead.Returned;

    /// <summary>Whether Port's team identifiers are the team names (<c>--port-team-ids</c>).</summary>
    public TeamIdentifiers PortTeamIdentifiers { get; init; } = TeamIdentifiers.Names;

    /// <summary>Whether a webhook mapping's <c>operation</c> may be a bare string (<c>--port-mapping-operation-string</c>).</summary>
    public MappingOperationString PortMappingOperationString { get; init; } = MappingOperationString.Accepted;

    /// <summary>What Port records as the author of the credentials' writes (<c>--port-author</c>).</summary>
    public AuthorRecord PortAuthor { get; init; } = AuthorRecord.ClientId;

    /// <summary>What Spacelift answers a read of an absent id (<c>--spacelift-absent-read</c>).</summary>
    public AbsentRead SpaceliftAbsentRead { get; init; } = AbsentRead.Null;

    /// <summary>How Spacelift makes named webhook and policy ids (<c>--spacelift-ids</c>).</summary>
    public GeneratedIds SpaceliftIds { get; init; } = GeneratedIds.Slug;

    /// <summary>The largest <c>searchStacks</c> page (<c>--spacelift-page-cap</c>).</summary>
    public int SpaceliftPageCap { get; init; } = 100;

    /// <summary>What a <c>first</c> above <see cref="SpaceliftPageCap"/> gets (<c>--spacelift-oversized-page</c>).</summary>
    public OversizedPage SpaceliftOversizedPage { get; init; } = OversizedPage.Clamp;

    /// <summary>
    /// Whether <c>apiKeyUser</c> with a known key id and a wrong secret adds the error <c>unauthorized</c>
    /// to its null (<c>--spacelift-wrong-secret</c>).
    /// </summary>
    public bool SpaceliftWrongSecretIsError { get; init; } = true;

    /// <summary>Every switch at its less convenient answer (<c>--unknowns inconvenient</c>); the other options at their defaults.</summary>
    public static EmulatorOptions Inconvenient => new EmulatorOptions().WithUnknowns(UnknownsPreset.Inconvenient);

    /// <summary>These options with every switch set as <paramref name="preset"/> says.</summary>
    public EmulatorOptions WithUnknowns(UnknownsPreset preset) => preset == UnknownsPreset.Inconvenient
        ? this with
        {
            PortWebhookSecret = WebhookSecretOnRead.Masked,
            PortTeamIdentifiers = TeamIdentifiers.Distinct,
            PortMappingOperationString = MappingOperationString.Refused,
            PortAuthor = AuthorRecord.CredentialsOwner,
            SpaceliftAbsentRead = AbsentRead.NotFoundError,
            SpaceliftIds = GeneratedIds.SlugWithSuffix,
            SpaceliftPageCap = 50,
            SpaceliftOversizedPage = OversizedPage.Error,
            SpaceliftWrongSecretIsError = false,
            PortRelations = PortRelations with
            {
                SelfRelationOnCreate = false,
                BulkSeesEarlierItems = false,
                DeleteDependents = DependentsScope.AnyRelation,
                OnTargetDeleted = DanglingRelations.Keep,
                AggregationRefresh = TimeSpan.FromMinutes(15),
                BlueprintSearchHonoursQueryFlags = false,
            },
            SpacesChildrenFirst = true,
            RunsPageSize = 3,
            MaxRunListsPerRequest = 1,
            PortTimerAfterExpiry = TimerAfterExpiry.Clear,
            PortPastTimersFire = false,
            PortUpsertEntityUpdate = UpsertEntityUpdate.Replace,
        }
        : this with
        {
            PortWebhookSecret = WebhookSecretOnRead.Returned,
            PortTeamIdentifiers = TeamIdentifiers.Names,
            PortMappingOperationString = MappingOperationString.Accepted,
            PortAuthor = AuthorRecord.ClientId,
            SpaceliftAbsentRead = AbsentRead.Null,
            SpaceliftIds = GeneratedIds.Slug,
            SpaceliftPageCap = 100,
            SpaceliftOversizedPage = OversizedPage.Clamp,
            SpaceliftWrongSecretIsError = true,
            PortRelations = new RelationBehaviour(),
            SpacesChildrenFirst = false,
            RunsPageSize = 50,
            MaxRunListsPerRequest = null,
            PortTimerAfterExpiry = TimerAfterExpiry.Keep,
            PortPastTimersFire = true,
            PortUpsertEntityUpdate = UpsertEntityUpdate.Merge,
        };
}

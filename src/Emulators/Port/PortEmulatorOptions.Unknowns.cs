using Emulators.Unknowns;

namespace Emulators.Port;

/// <summary>Port's behaviours the public sources leave open (docs/unknowns.md); the defaults are the emulator's earlier answers.</summary>
public sealed partial record PortEmulatorOptions
{
    /// <summary>What webhook answers carry in <c>security.secret</c>.</summary>
    public WebhookSecretOnRead WebhookSecret { get; init; } = WebhookSecretOnRead.Returned;

    /// <summary>Whether team identifiers are the team names.</summary>
    public TeamIdentifiers TeamIdentifiers { get; init; } = TeamIdentifiers.Names;

    /// <summary>Whether a mapping's <c>operation</c> may be the bare string.</summary>
    public MappingOperationString MappingOperationString { get; init; } = MappingOperationString.Accepted;

    /// <summary>What <c>createdBy</c>/<c>updatedBy</c> hold for writes made with the organisation's credentials.</summary>
    public AuthorRecord Author { get; init; } = AuthorRecord.ClientId;
}

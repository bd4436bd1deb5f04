using System.Text.Json.Nodes;

namespace Emulators.Port.Secrets;

/// <summary>An organisation secret. <see cref="Value"/> is never put in any answer.</summary>
internal sealed class SecretRecord
{
    public required string Name { get; init; }

    public required string Value { get; set; }

    public string? Description { get; set; }

    public required string CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public required string UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }

    public JsonObject Metadata() => new()
    {
        ["secretName"] = Name,
        ["description"] = Description,
        ["createdAt"] = CreatedAt,
        ["createdBy"] = CreatedBy,
        ["updatedAt"] = UpdatedAt,
        ["updatedBy"] = UpdatedBy,
    };
}

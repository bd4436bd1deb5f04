namespace Emulators.Port.Http;

/// <summary>A failure answered as Port's envelope <c>{ok:false, error, message}</c> with <see cref="Status"/>.</summary>
internal sealed class PortApiError(int status, string error, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Error { get; } = error;

    public static PortApiError NotFound(string message) => new(404, "not_found", message);

    public static PortApiError Invalid(string message) => new(422, "invalid_request", message);

    public static PortApiError Taken(string message) => new(409, "identifier_taken", message);

    public static PortApiError MissingPermissions(string message) => new(403, "missing_permissions", message);

    public static PortApiError SchemaMismatch(string message) => new(422, "blueprint_schema_mismatch", message);
}

namespace Emulators.Unknowns;

/// <summary>
/// Whether Port takes a webhook mapping's <c>operation</c> as the bare string <c>"create"</c> or
/// <c>"delete"</c>. Port's webhook docs show the string; Port's OpenAPI types every alternative of
/// <c>operation</c> as an object, so a schema validator refuses the string; Port's Terraform provider
/// sends <c>{"type": …}</c> (docs/unknowns.md).
/// </summary>
public enum MappingOperationString
{
    /// <summary>The string is taken like the object (what the emulator did before the switch existed).</summary>
    Accepted,

    /// <summary>The string is a 422, as the OpenAPI's schema reads; only <c>{"type": "create"|"delete"}</c> passes.</summary>
    Refused,
}

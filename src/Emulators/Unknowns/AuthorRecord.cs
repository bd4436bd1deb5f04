namespace Emulators.Unknowns;

/// <summary>
/// What Port records in <c>createdBy</c>/<c>updatedBy</c> for a write made with an organisation's API
/// credentials. port-docs' sample answers show a bare 32-character id ("60EsooJtOqimlekxrNh7nfr2iOgTcyLZ",
/// "hBx3VFZjqgLPEoQLp7POx5XaoB0cgsxW"), the same with <c>@clients</c> appended (Auth0's subject for a
/// machine client), and <c>auth0|…</c> user ids; none says which one a client-credentials write gets, and
/// Port's credentials belong to a user (docs/unknowns.md).
/// </summary>
public enum AuthorRecord
{
    /// <summary>The client id (what the emulator did before the switch existed).</summary>
    ClientId,

    /// <summary>The client id with <c>@clients</c> appended.</summary>
    MachineSubject,

    /// <summary>The id of the user the credentials belong to (<see cref="CredentialsOwner"/>), not derived from the client id.</summary>
    CredentialsOwner,
}

/// <summary>The author Port records for the organisation's credentials under each setting.</summary>
public static class RecordedAuthor
{
    /// <summary>The user the emulated organisation's credentials belong to.</summary>
    public const string CredentialsOwner = "auth0|6571c2a9e4b0d31f8a2c5e17";

    public static string Of(string clientId, AuthorRecord setting) => setting switch
    {
        AuthorRecord.MachineSubject => clientId + "@clients",
        AuthorRecord.CredentialsOwner => CredentialsOwner,
        _ => clientId,
    };
}

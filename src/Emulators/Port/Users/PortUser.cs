using System.Text.Json.Nodes;

namespace Emulators.Port.Users;

/// <summary>
/// A member of the emulated organisation: what Port's permission checks read (email, role, teams).
/// Users are configuration (<see cref="PortEmulatorOptions.Users"/>), not state: the emulator has no
/// routes that invite or change them.
/// </summary>
/// <param name="Email">The user's identity everywhere: Port keys <c>users</c> lists and <c>run_as</c> on it.</param>
/// <param name="Role"><see cref="Admin"/> or <see cref="Member"/>.</param>
/// <param name="Teams">Names of the teams the user belongs to; the organisation's teams are the union of these.</param>
public sealed record PortUser(string Email, string Role, IReadOnlyList<string> Teams)
{
    public const string Admin = "Admin";

    public const string Member = "Member";

    /// <summary>The identity of the client-credentials token unless <see cref="PortEmulatorOptions.TokenUser"/> says otherwise.</summary>
    public const string DefaultAdminEmail = "admin@port-emulator.local";

    public static PortUser DefaultAdmin { get; } = new(DefaultAdminEmail, Admin, []);

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    /// <summary>Who the user is, as every answer and policy context names a user: <c>email</c>, then the names the options give.</summary>
    public JsonObject Identity()
    {
        var identity = new JsonObject { ["email"] = Email };
        if (FirstName is { } first)
        {
            identity["firstName"] = first;
        }

        if (LastName is { } last)
        {
            identity["lastName"] = last;
        }

        return identity;
    }
}

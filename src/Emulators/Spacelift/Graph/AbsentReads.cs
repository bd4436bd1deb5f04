using Emulators.Unknowns;
using GraphQL;

namespace Emulators.Spacelift.Graph;

/// <summary>
/// The answer to a read by id of something the account does not have (or that a caller without a valid
/// token cannot see): null, or the error <c>not found</c>, as <see cref="SpaceliftEmulatorOptions.AbsentRead"/>
/// says. Spacelift does both, for reads PR #625 of terraform-provider-spacelift does not name; the provider
/// reads any query error containing "not found" as absent (<c>spacelift/internal/client.go</c>, commit 8ef0647).
/// </summary>
internal static class AbsentReads
{
    public const string NotFound = "not found";

    public enum Kind
    {
        Stack,
        Other,
    }

    /// <summary>Null, or throws the <c>not found</c> error (GraphQL nulls the field and lists the error).</summary>
    public static object? Answer(SpaceliftEmulator emulator, Kind kind)
        => emulator.Options.AbsentRead switch
        {
            AbsentRead.NotFoundError => throw new ExecutionError(NotFound),
            AbsentRead.StacksNullOthersNotFound when kind == Kind.Other => throw new ExecutionError(NotFound),
            _ => null,
        };
}

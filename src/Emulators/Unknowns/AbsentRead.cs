namespace Emulators.Unknowns;

/// <summary>
/// What Spacelift answers a read by id of something that does not exist (<c>stack</c>,
/// <c>namedWebhooksIntegration</c>, <c>policy</c>). A Spacelift maintainer wrote in
/// terraform-provider-spacelift PR #625 that stacks answer null while "other queries" answer a
/// "not found" error, without naming them; since then the provider reads any query error containing
/// "not found" as absent (docs/unknowns.md).
/// </summary>
public enum AbsentRead
{
    /// <summary>The field is null and there is no error (what the emulator did before the switch existed).</summary>
    Null,

    /// <summary>Every such read answers the error <c>not found</c> (the field null beside it).</summary>
    NotFoundError,

    /// <summary>As PR #625 describes it: <c>stack</c> answers null, the other reads the error <c>not found</c>.</summary>
    StacksNullOthersNotFound,
}

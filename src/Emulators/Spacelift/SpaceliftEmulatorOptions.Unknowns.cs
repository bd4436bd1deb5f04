using Emulators.Unknowns;

namespace Emulators.Spacelift;

/// <summary>Spacelift's behaviours the public sources leave open (docs/unknowns.md); the defaults are the emulator's earlier answers.</summary>
public sealed partial record SpaceliftEmulatorOptions
{
    /// <summary>What a read of an absent id answers.</summary>
    public AbsentRead AbsentRead { get; init; } = AbsentRead.Null;

    /// <summary>How named webhook and policy ids are made from names.</summary>
    public GeneratedIds Ids { get; init; } = GeneratedIds.Slug;

    /// <summary>The largest <c>searchStacks</c> page.</summary>
    public int PageCap { get; init; } = Search.StackSearch.MaxPageSize;

    /// <summary>What a <c>first</c> above <see cref="PageCap"/> gets.</summary>
    public OversizedPage OversizedPage { get; init; } = OversizedPage.Clamp;

    /// <summary>The initial <see cref="SpaceliftEmulator.WrongSecretIsError"/>.</summary>
    public bool WrongSecretIsError { get; init; } = true;
}

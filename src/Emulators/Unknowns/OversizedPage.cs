namespace Emulators.Unknowns;

/// <summary>
/// What Spacelift does with a <c>searchStacks</c> <c>first</c> above its largest page. Nothing public
/// states the largest page or the answer: spacectl and the Terraform provider ask for 50 at most, and
/// spacectl's MCP tool passes any limit through (docs/unknowns.md).
/// </summary>
public enum OversizedPage
{
    /// <summary>The page is cut to the cap and paging goes on (what the emulator did before the switch existed).</summary>
    Clamp,

    /// <summary>The query fails with an error naming the cap.</summary>
    Error,
}

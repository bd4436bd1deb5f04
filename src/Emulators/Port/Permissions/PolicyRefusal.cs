using Emulators.Port.Http;

namespace Emulators.Port.Permissions;

/// <summary>
/// A policy the emulator cannot evaluate (a rule shape, operator, property or jq outside what it
/// supports, or a condition that fails): the run or approval is refused with 422 naming the part,
/// never decided by a guess.
/// </summary>
internal static class PolicyRefusal
{
    public static PortApiError At(string path, string reason)
        => PortApiError.Invalid($"The emulator cannot evaluate {path}: {reason}");
}

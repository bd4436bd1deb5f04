namespace Emulators.Faults;

/// <summary>A fault spec that cannot be read; the message names the part at fault.</summary>
public sealed class FaultSpecException(string message) : FormatException(message);

namespace Emulators.Hosting;

/// <summary>Emulator options or command-line flags that cannot be used; the message names the flag or value.</summary>
public sealed class EmulatorUsageException(string message) : Exception(message);

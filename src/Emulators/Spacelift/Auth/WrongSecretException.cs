namespace Emulators.Spacelift.Auth;

/// <summary>An API key id that exists was presented with the wrong secret.</summary>
public sealed class WrongSecretException() : Exception("unauthorized");

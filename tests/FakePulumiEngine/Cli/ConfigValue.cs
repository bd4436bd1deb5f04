namespace FakePulumiEngine.Cli;

/// <summary>
/// One stack config value as Pulumi stores it (<c>sdk/go/common/resource/config/value.go</c>): its text,
/// whether it is <c>secure:</c> ciphertext, and whether the text is JSON (a map or list).
/// </summary>
public sealed record ConfigValue(string Text, bool Secure = false, bool Object = false);

namespace Infra.Cli.Config;

/// <summary>
/// A config value after precedence (environment, stack file, Pulumi.yaml) and decryption.
/// <see cref="Source"/> says where it came from in error messages; <see cref="Confidential"/> values
/// (decrypted <c>secure:</c> ones) are never quoted back.
/// </summary>
internal sealed record ResolvedValue(string Text, string Source, bool Confidential);

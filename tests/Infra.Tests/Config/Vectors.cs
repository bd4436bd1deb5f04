namespace Infra.Tests.Config;

/// <summary>Pulumi's own passphrase test vectors (docs/pulumi-formats.md §3).</summary>
internal static class Vectors
{
    public const string SaltA = "v1:fozI5u6B030=:v1:F+6ZduKKd8G0/V7L:PGMFeIzwobWRKmEAzUdaQHqC5mMRIQ==";
    public const string PassphraseA = "password";
    public const string KeyA = "7e700703e28b164e816cb939612c938b8dcf8f8a5237d02824cea3fb656b3a8b";
    public const string MalformedSaltA = "fozI5u6B030=:v1:F+6ZduL:PGMFeIzwobWRKmEAzUdaQHqC5mMRIQ==";

    public const string SaltB = "v1:ThS5UPxP9qc=:v1:UZYAXF+ylaJ0rGhv:9OTvBnOEDFgxs7btjzSu+LZ470vLpg==";
    public const string PassphraseB = "TestConfigRoundtripComments";
    public const string KeyB = "2c87ab85989efcf30f69448a0162c1a8b4f82f2c153000ef3cfd7e497bec262a";
    public const string SecretB = "v1:T1ftqhY0hqr+EJK6:+jvd5PMecFx80tcavzuZY4tLatgIfoe/xR72GA==";
    public const string SecretBClear = "secret-value";

    /// <summary>Environment with vector B's passphrase: every test using salt B shares one derived key.</summary>
    public static Dictionary<string, string?> EnvironmentB() => new() { ["PULUMI_CONFIG_PASSPHRASE"] = PassphraseB };
}

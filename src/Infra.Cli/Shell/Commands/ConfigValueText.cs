using Infra.Cli.Config;
using Infra.Cli.Config.Yaml;
using Infra.Sdk;

namespace Infra.Cli.Shell.Commands;

/// <summary>How <c>config</c> and <c>config get</c> print a value: secrets masked unless asked for.</summary>
internal static class ConfigValueText
{
    public static string Show(StackConfigStore store, ConfigKey key, StackFileValue value, bool showSecrets) => value switch
    {
        PlainValue plain => showSecrets || !KnownKey.IsSecretKey(key) ? plain.Text : Secret.Mask,
        SecureValue secure => showSecrets ? store.Reveal(key, secure) : Secret.Mask,
        ObjectValue json => json.Json,
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };
}

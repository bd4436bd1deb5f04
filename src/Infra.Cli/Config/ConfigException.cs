using Infra.Cli.Diagnostics;

namespace Infra.Cli.Config;

/// <summary>Bad or missing configuration; the message names the file, key and environment variable.</summary>
public sealed class ConfigException : InfraException
{
    public ConfigException(string message, Exception? inner = null) : base(message, inner) { }

    public override int ExitCode => ExitCodes.UsageOrConfig;
}

using Infra.Cli.Config;

namespace Infra.Cli.Shell.Io;

/// <summary>Where a run's configuration comes from; the seam between the command line and Config/.</summary>
public interface IStackConfigurationSource
{
    /// <summary>Throws <see cref="ConfigException"/> for bad or missing configuration.</summary>
    StackConfiguration Load(string projectDirectory, string stack, bool insecure);
}

using Infra.Cli.Engine;
using Spectre.Console;

namespace Infra.Cli.Shell.Io;

/// <summary>Everything from the outside world the command line needs; tests pass fakes.</summary>
public sealed record CliHost(
    IAnsiConsole Out,
    IAnsiConsole Error,
    CliEnvironment Environment,
    StandardInput Input,
    IStackEngineFactory Engines,
    IStackConfigurationSource Configuration,
    TimeProvider Time);

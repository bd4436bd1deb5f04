namespace Infra.Cli.PulumiProtocol;

/// <summary>The severities of the engine's log; an error fails the update in the CLI's display.</summary>
public enum EngineLogLevel
{
    Debug = 0,
    Info = 1,
    Warning = 2,
    Error = 3,
}

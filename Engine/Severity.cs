namespace Infra.Engine;

public enum Severity
{
    Info,
    Warning,
    Error,
}

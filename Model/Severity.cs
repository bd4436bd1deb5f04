namespace Infra.Model;

public enum Severity
{
    Info,
    Warning,
    Error,
}

namespace Infra.Sdk;

public enum Severity
{
    Info,
    Warning,
    Error,
}

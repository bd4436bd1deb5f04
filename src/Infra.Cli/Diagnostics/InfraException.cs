namespace Infra.Cli.Diagnostics;

/// <summary>
/// Base of every error that is meant for the user: its <see cref="Exception.Message"/> is one line
/// that names the file, key or value at fault, and it is printed without a stack trace. Messages must
/// never contain a secret value.
/// </summary>
public abstract class InfraException : Exception
{
    protected InfraException(string message, Exception? inner = null) : base(message, inner) { }

    public abstract int ExitCode { get; }
}

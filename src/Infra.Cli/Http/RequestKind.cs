namespace Infra.Cli.Http;

/// <summary>How a request is counted in <see cref="ClientStatistics"/>.</summary>
internal enum RequestKind
{
    Read,
    Write,
    Token,
}

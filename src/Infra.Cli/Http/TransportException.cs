namespace Infra.Cli.Http;

/// <summary>
/// No answer came after every attempt. <see cref="Problem"/> says why in a few words (<c>connection
/// refused</c>, <c>no answer within 30 s</c>), <see cref="Attempts"/> what was tried.
/// </summary>
internal sealed class TransportException(string problem, AttemptSummary attempts, Exception inner)
    : Exception($"{problem} ({attempts})", inner)
{
    public string Problem { get; } = problem;

    public AttemptSummary Attempts { get; } = attempts;
}

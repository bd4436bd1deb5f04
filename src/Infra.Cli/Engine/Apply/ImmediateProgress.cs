namespace Infra.Cli.Engine.Apply;

/// <summary>
/// Reports synchronously on the reporting thread. <see cref="Progress{T}"/> would post to the thread
/// pool, so results could arrive out of order or after the summary.
/// </summary>
internal sealed class ImmediateProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}

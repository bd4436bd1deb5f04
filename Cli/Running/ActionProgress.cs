namespace Infra.Cli.Running;

/// <summary>
/// Reports synchronously on the caller's thread. <see cref="Progress{T}"/> would post to the thread
/// pool, so lines could arrive out of order or after the summary.
/// </summary>
internal sealed class ActionProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}

namespace Infra.Tests.Support;

/// <summary>
/// Test classes that start the program as child processes run one after the other: two at once would
/// share the cores and skew the timings they measure (kill points, how fast a locked run is refused).
/// </summary>
[CollectionDefinition(Name)]
public sealed class ChildProcessCollection
{
    public const string Name = "Child processes";
}

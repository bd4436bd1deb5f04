using Infra.Cli.Engine.Contract;

namespace Infra.Cli.Shell.Rendering;

/// <summary>One line of a resource's property detail: <c>~ path: old => new</c>, <c>+ path: value</c>, <c>- path: value</c>.</summary>
public sealed record PropertyLine(DiffKind Kind, string Path, string? Old, string? New)
{
    public override string ToString() => Kind switch
    {
        DiffKind.Add => $"+ {Path}: {New}",
        DiffKind.Delete => $"- {Path}: {Old}",
        _ => $"~ {Path}: {Old} => {New}",
    };
}

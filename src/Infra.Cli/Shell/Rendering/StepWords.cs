using Infra.Cli.Engine;
using Infra.Cli.Engine.Contract;

namespace Infra.Cli.Shell.Rendering;

/// <summary>Pulumi's symbol and verbs per step kind (docs/pulumi-formats.md §4).</summary>
public static class StepWords
{
    /// <summary>Exactly two characters, as Pulumi's RawPrefix.</summary>
    public static string Prefix(ChangeKind kind) => kind switch
    {
        ChangeKind.Create => "+ ",
        ChangeKind.Update => "~ ",
        ChangeKind.Delete => "- ",
        _ => "  ",
    };

    public static string Verb(ChangeKind kind) => kind.ToString().ToLowerInvariant();

    public static string Progressive(ChangeKind kind) => kind switch
    {
        ChangeKind.Create => "creating",
        ChangeKind.Update => "updating",
        ChangeKind.Delete => "deleting",
        _ => "same",
    };

    public static string PastTense(ChangeKind kind) => kind switch
    {
        ChangeKind.Create => "created",
        ChangeKind.Update => "updated",
        ChangeKind.Delete => "deleted",
        _ => "unchanged",
    };

    public static string Diff(DiffKind kind) => kind switch
    {
        DiffKind.Add => "+ ",
        DiffKind.Delete => "- ",
        _ => "~ ",
    };
}

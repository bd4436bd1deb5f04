using Infra.Cli.Engine;
using Infra.Cli.Engine.Contract;

namespace Infra.Cli.Shell.Rendering;

/// <summary>
/// Steps counted per kind, as Pulumi's summary counts them: planned steps for a preview, steps that
/// succeeded after applying (a failure counts as errored, a skipped step not at all).
/// </summary>
public sealed record ChangeCounts(int Create, int Update, int Delete, int Same, int Failed, int Skipped)
{
    public int Changes => Create + Update + Delete;

    public int KindsOfChange => new[] { Create, Update, Delete }.Count(n => n > 0);

    public int this[ChangeKind kind] => kind switch
    {
        ChangeKind.Create => Create,
        ChangeKind.Update => Update,
        ChangeKind.Delete => Delete,
        _ => Same,
    };

    public static ChangeCounts Of(RunReport report)
    {
        if (report.Applied is not { } applied)
        {
            return FromKinds(report.Plan.Changes.Select(c => c.Kind), failed: 0, skipped: 0);
        }

        var succeeded = applied.Steps.Where(s => s.Outcome == StepOutcome.Succeeded).Select(s => s.Change.Kind);
        var sames = report.Plan.Changes.Where(c => c.Kind == ChangeKind.Same).Select(c => c.Kind);
        return FromKinds(
            succeeded.Where(k => k != ChangeKind.Same).Concat(sames),
            applied.Failed,
            applied.Steps.Count(s => s.Outcome == StepOutcome.Skipped));
    }

    private static ChangeCounts FromKinds(IEnumerable<ChangeKind> kinds, int failed, int skipped)
    {
        var counts = kinds.GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        return new ChangeCounts(
            counts.GetValueOrDefault(ChangeKind.Create),
            counts.GetValueOrDefault(ChangeKind.Update),
            counts.GetValueOrDefault(ChangeKind.Delete),
            counts.GetValueOrDefault(ChangeKind.Same),
            failed,
            skipped);
    }
}

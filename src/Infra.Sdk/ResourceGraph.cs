namespace Infra.Sdk;

/// <summary>
/// What a program declares for one stack: its resources with their dependencies, its entity sets, and
/// what it has to say (diagnostics, notices about what it finds in Port, outputs). An executor plans,
/// orders (by the dependencies), applies and prunes any such graph; it knows nothing else of the program.
/// </summary>
public sealed record ResourceGraph(IReadOnlyList<DesiredResource> Resources, IReadOnlyList<EntitySet> EntitySets)
{
    /// <summary>Raised while declaring (data that could not be declared as it is, for example).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>Notes the executor shows when a resource exists in Port (a resource the program leaves alone, say).</summary>
    public IReadOnlyList<LiveNotice> Notices { get; init; } = [];

    /// <summary>Readings of declared resources as Port holds them (<see cref="LiveCheck"/>), shown with a plan's diagnostics.</summary>
    public IReadOnlyList<LiveCheck> Checks { get; init; } = [];

    /// <summary>Values the stack reports (Pulumi's stack outputs), and what other commands look up by name.</summary>
    public IReadOnlyList<ProgramOutput> Outputs { get; init; } = [];

    /// <summary>Every declared resource, entities included.</summary>
    public IReadOnlyList<DesiredResource> All => [.. Resources, .. EntitySets.SelectMany(s => s.Entities)];

    /// <summary>The text output <paramref name="name"/>; null when the program declares none by that name.</summary>
    public string? Output(string name) => Outputs.OfType<ProgramOutput.Text>().FirstOrDefault(o => o.Name == name)?.Value;
}

namespace Emulators.Spacelift;

/// <summary>How to start the Spacelift emulator.</summary>
public sealed partial record SpaceliftEmulatorOptions
{
    /// <summary>How many generated stacks the account starts with (see <see cref="Stacks.StackGenerator"/>).</summary>
    public int Stacks { get; init; } = 25;

    /// <summary>
    /// How many generated spaces the account has besides <c>root</c> and <c>legacy</c> (see
    /// <see cref="Spaces.SpaceGenerator"/>); stacks are spread over them. Four is the tree the emulator always had.
    /// </summary>
    public int Spaces { get; init; } = 4;

    /// <summary>Past tracked runs generated per stack that has run (see <see cref="Runs.RunHistoryGenerator"/>).</summary>
    public int RunsPerStack { get; init; }

    /// <summary>Past proposed runs generated per stack that has run.</summary>
    public int ProposedRunsPerStack { get; init; }

    /// <summary>When the generated history ends; null: the clock at start (a state file's saved anchor wins).</summary>
    public DateTimeOffset? RunHistoryAnchor { get; init; }

    /// <summary>
    /// How many runs one <c>Stack.runs(before:)</c> / <c>proposedRuns(before:)</c> page holds. Spacelift does not
    /// publish it (spacectl pages until a page comes back empty); 50 is the emulator's choice.
    /// </summary>
    public int RunsPageSize { get; init; } = 50;

    /// <summary>
    /// At most this many stacks may have <c>runs</c>/<c>proposedRuns</c> read in one request (null: no limit).
    /// Spacelift publishes no query cost limit; a number plays one for clients that select runs inside
    /// <c>searchStacks</c>.
    /// </summary>
    public int? MaxRunListsPerRequest { get; init; }

    /// <summary>
    /// Serve <c>spaces</c> children first (true) instead of parents first. Spacelift documents no order; a
    /// client that writes a space's parent first must sort the list itself.
    /// </summary>
    public bool SpacesChildrenFirst { get; init; }
    public string ApiKeyId { get; init; } = "01EMULATOREMULATOREMULATOR";
    public string ApiKeySecret { get; init; } = "emulator";
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(10);
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Sends run events to named webhooks; a shared client of the emulator's own when null.</summary>
    public HttpClient? WebhookClient { get; init; }

    /// <summary>Load named webhooks, policies and runs from this file at start and save them after changes.</summary>
    public string? StateFile { get; init; }

    /// <summary>Coalescing delay between a change and the state file write.</summary>
    public TimeSpan StateSaveDelay { get; init; } = TimeSpan.FromMilliseconds(200);
}

namespace Emulators.Spacelift.Graph;

// Small object types of the schema; field names match the GraphQL fields (case aside).

internal sealed record UserView(string Id, string Name, string Jwt, long ValidUntil);

internal sealed record VcsIntegrationView(string Id, string Name, string? Description, bool IsDefault, string Provider);

internal sealed record WorkerPoolView(string Id, string Name);

internal sealed record CommitView(string? AuthorLogin, string AuthorName, string Hash, string Message, long Timestamp, string? Url, string Tag);

internal sealed record IntegrationsView(object? Aws, DriftDetectionView? DriftDetection, object? Gcp, IReadOnlyList<object> Webhooks);

internal sealed record DriftDetectionView(bool IgnoreState, bool Reconcile, IReadOnlyList<string> Schedule, string? Timezone);

internal sealed record RunStateTransitionView(string State, long Timestamp, bool Terminal, bool HasLogs, string? Note, string? Username);

internal sealed record StackEdgeView(string Cursor, StackView Node);

internal sealed record PageInfoView(string? EndCursor, bool HasNextPage, bool HasPreviousPage);

internal sealed record StacksConnectionView(IReadOnlyList<StackEdgeView> Edges, PageInfoView PageInfo);

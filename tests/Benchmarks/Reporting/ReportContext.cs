namespace Benchmarks.Reporting;

/// <summary>What the report says about how the figures were taken.</summary>
public sealed record ReportContext(string Commit, string Command, string Machine, string Placement, int Concurrency, int BaselineMax, DateTimeOffset Started, string LoadAtStart, string LoadAtEnd);

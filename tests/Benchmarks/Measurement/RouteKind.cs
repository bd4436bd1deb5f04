namespace Benchmarks.Measurement;

/// <summary>How a request to Port counts: a read (GET, searches, the token), a single write, or a bulk entity write.</summary>
public enum RouteKind
{
    Read,
    Write,
    BulkWrite,
}

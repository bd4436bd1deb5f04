namespace Infra.Cli.Port.Entities;

/// <summary>
/// Collects one result per entity, in the caller's order, from batches finishing concurrently, and
/// passes each to the caller's progress as it lands (one at a time, so the caller needs no lock).
/// </summary>
internal sealed class EntityResultSink(int count, IProgress<EntityWriteResult>? progress)
{
    private readonly EntityWriteResult?[] _results = new EntityWriteResult?[count];
    private readonly Lock _lock = new();

    public void Report(BatchEntity item, EntityWriteResult result)
    {
        lock (_lock)
        {
            // Port could name one index twice; the first answer for an entity is the one kept.
            if (_results[item.Position] is not null)
            {
                return;
            }

            _results[item.Position] = result;
            progress?.Report(result);
        }
    }

    public bool HasResult(BatchEntity item)
    {
        lock (_lock)
        {
            return _results[item.Position] is not null;
        }
    }

    /// <summary>Every entity of a batch Port did not take as a whole: each gets the batch's error.</summary>
    public void FailAll(IEnumerable<BatchEntity> batch, PortApiException exception)
    {
        foreach (var item in batch)
        {
            Report(item, new EntityWriteResult(
                item.Identifier, false, exception.StatusCode == 0 ? null : (int)exception.StatusCode, exception.Error, exception.Message));
        }
    }

    public IReadOnlyList<EntityWriteResult> Results
    {
        get
        {
            lock (_lock)
            {
                return _results.Select((result, position) => result
                    ?? throw new InvalidOperationException($"No result was recorded for entity {position}.")).ToArray();
            }
        }
    }
}

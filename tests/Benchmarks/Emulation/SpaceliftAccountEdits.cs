using Emulators.Hosting;
using Emulators.Spacelift.Stacks;

namespace Benchmarks.Emulation;

/// <summary>
/// The only place that edits the Spacelift emulator's stack store. Stacks are picked evenly over the
/// account (every k-th), so the edits land on many Port search pages and many bulk batches, like real drift.
/// </summary>
public static class SpaceliftAccountEdits
{
    /// <summary>Changes the description of <paramref name="count"/> stacks: one property of their entities.</summary>
    public static int Change(EmulatorHost host, int count)
    {
        var store = host.Spacelift.Stacks;
        var picked = Spread(store.All(), count);
        foreach (var stack in picked)
        {
            store.Update(stack.Id, s => s with { Description = $"{s.Description} (changed by the benchmark)".TrimStart() });
        }

        return picked.Count;
    }

    public static int Remove(EmulatorHost host, int count)
    {
        var store = host.Spacelift.Stacks;
        return Spread(store.All(), count).Count(stack => store.Remove(stack.Id));
    }

    private static IReadOnlyList<EmulatedStack> Spread(IReadOnlyList<EmulatedStack> stacks, int count)
    {
        var take = Math.Min(count, stacks.Count);
        return Enumerable.Range(0, take).Select(i => stacks[(int)((long)i * stacks.Count / take)]).ToArray();
    }
}

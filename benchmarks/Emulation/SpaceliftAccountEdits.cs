using Emulators.Hosting;

namespace Benchmarks.Emulation;

/// <summary>
/// The only place that edits the Spacelift emulator's stack store. Stacks are picked evenly over the
/// account (every k-th), so the edits land on many Port search pages and many bulk batches, like real drift.
/// </summary>
public static class SpaceliftAccountEdits
{
    public static int Change(EmulatorHost host, int count) =>
        throw new NotSupportedException("the emulator host exposes no Spacelift stack store yet");

    public static int Remove(EmulatorHost host, int count) =>
        throw new NotSupportedException("the emulator host exposes no Spacelift stack store yet");
}

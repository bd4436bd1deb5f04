using System.Globalization;

namespace Benchmarks.Emulation;

/// <summary>
/// The child side of <c>--emulators-out-of-process</c>: hosts both emulators and obeys one-line commands on
/// stdin (<c>change N</c>, <c>remove N</c>, <c>quit</c>), answering <c>OK n</c> or <c>ERR message</c> on stdout.
/// The standalone emulator program has no way to edit stacks while it runs, hence this small host.
/// </summary>
public static class EmulatorServer
{
    public const string Verb = "serve-emulators";
    public const string Ready = "READY";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var stacks = int.Parse(args[0], CultureInfo.InvariantCulture);
        var latencyMs = int.Parse(args[1], CultureInfo.InvariantCulture);
        await using var emulators = await InProcessEmulators.StartAsync(stacks, latencyMs, CancellationToken.None).ConfigureAwait(false);
        await Console.Out.WriteLineAsync($"{Ready} {emulators.PortUrl} {emulators.SpaceliftUrl}").ConfigureAwait(false);
        await Console.Out.FlushAsync().ConfigureAwait(false);

        while (await Console.In.ReadLineAsync().ConfigureAwait(false) is { } line && line != "quit")
        {
            var parts = line.Split(' ', 2);
            try
            {
                var count = int.Parse(parts[1], CultureInfo.InvariantCulture);
                var done = parts[0] switch
                {
                    "change" => await emulators.ChangeStacksAsync(count, CancellationToken.None).ConfigureAwait(false),
                    "remove" => await emulators.RemoveStacksAsync(count, CancellationToken.None).ConfigureAwait(false),
                    _ => throw new FormatException($"unknown command '{parts[0]}'"),
                };
                await Console.Out.WriteLineAsync($"OK {done}").ConfigureAwait(false);
            }
            catch (Exception e) when (e is FormatException or IndexOutOfRangeException or NotSupportedException or InvalidOperationException)
            {
                await Console.Out.WriteLineAsync($"ERR {e.Message.ReplaceLineEndings(" ")}").ConfigureAwait(false);
            }

            await Console.Out.FlushAsync().ConfigureAwait(false);
        }

        return 0;
    }
}

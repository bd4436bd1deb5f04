using Emulators.Hosting;
using Emulators.Spacelift.Stacks;
using Infra.Cli.Diagnostics;
using Infra.Tests.Support;
using Xunit.Abstractions;

namespace Infra.Tests.Reliability;

/// <summary>
/// Spacelift data that cannot fit in Port is repaired, not fatal: one stack with a 2 MB description
/// (and oversized fields of multi-byte text) is cut with a warning, the preview shows exactly what up
/// then writes, and the scheduled drift check stays clean.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class OversizedStackTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AStackWithOversizedFieldsIsCutPredictedByThePreviewAndWrittenByUp()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 3 });
        sandbox.Emulators.Spacelift.Stacks.Add(new EmulatedStack
        {
            Id = "huge",
            Name = "Huge",
            Description = new string('\u20ac', 2_000_000),
            Branch = new string('\u00e9', 50_000),
            Labels = [.. Enumerable.Range(0, 150).Select(i => $"{i}:" + new string('\u4e2d', 20_000))],
            CreatedAt = 1_764_000_000,
        });

        var preview = await sandbox.Cli("preview", "--json");
        Expect.Exit(ExitCodes.Success, preview);
        var warning = Assert.Single(Sandbox.Json(preview)["diagnostics"]!.AsArray(), d => d!["message"]!.GetValue<string>().Contains("'huge' repaired", StringComparison.Ordinal))!;
        output.WriteLine(warning.ToJsonString());
        Assert.Contains("description is 2,000,000 characters, cut to 8,192", warning["message"]!.GetValue<string>(), StringComparison.Ordinal);

        var up = await sandbox.Cli("up", "--yes");
        output.WriteLine(up.Error);

        Expect.Exit(ExitCodes.Success, up);
        var entity = sandbox.Emulators.Port.Entities(Sandbox.Blueprint).Single(e => e["identifier"]!.GetValue<string>() == "huge");
        Assert.Equal(new string('\u20ac', 8_191) + "\u2026", entity["properties"]!["description"]!.GetValue<string>());
        Assert.Equal(new string('\u00e9', 1_023) + "\u2026", entity["properties"]!["branch"]!.GetValue<string>());
        Assert.Equal(100, entity["properties"]!["label"]!.AsArray().Count);
        // The preview plans from the same repaired data: after up it finds nothing to change, so what it
        // showed is what up wrote, and the hourly drift check stays clean.
        Expect.Exit(ExitCodes.Success, await sandbox.Cli("preview", "--expect-no-changes"));
    }
}

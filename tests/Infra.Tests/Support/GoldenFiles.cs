using System.Runtime.CompilerServices;

namespace Infra.Tests.Support;

/// <summary>
/// The suite's golden files: pinned outputs (Cli/Golden, Golden/*.json) and the guide's own JSON
/// (Golden/Guide). They are read from the source tree, not the build output, so regenerating them with
/// <c>UPDATE_GOLDEN=1</c> edits what git tracks and the change shows in review.
/// </summary>
internal static class GoldenFiles
{
    public const string UpdateVariable = "UPDATE_GOLDEN";

    /// <summary>tests/Infra.Tests in the source tree.</summary>
    public static string TestsDirectory { get; } = Path.GetDirectoryName(Path.GetDirectoryName(ThisFile())!)!;

    /// <summary>The text of a golden file, by its path under tests/Infra.Tests.</summary>
    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(TestsDirectory, relativePath)).ReplaceLineEndings("\n");

    /// <summary>
    /// Fails unless <paramref name="actual"/> equals the golden file at <paramref name="relativePath"/>; with
    /// <c>UPDATE_GOLDEN=1</c> rewrites the file instead. <paramref name="filter"/> is the <c>dotnet test</c>
    /// filter the failure message suggests for regenerating.
    /// </summary>
    public static void Verify(string relativePath, string actual, string filter)
    {
        var path = Path.Combine(TestsDirectory, relativePath);
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        var hint = $"Golden file tests/Infra.Tests/{relativePath} does not match. If the change is intended, "
            + $"run `{UpdateVariable}=1 dotnet test tests/Infra.Tests --filter \"{filter}\"` and review the diff in git.";
        Assert.True(File.Exists(path), $"{hint} (the file is missing)");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected != actual)
        {
            var line = FirstDifferentLine(expected, actual);
            Assert.Fail($"{hint}\nFirst difference at line {line.Number}:\n  expected: {line.Expected}\n  actual:   {line.Actual}");
        }
    }

    private static (int Number, string? Expected, string? Actual) FirstDifferentLine(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var i = 0;
        while (i < e.Length && i < a.Length && e[i] == a[i])
        {
            i++;
        }

        return (i + 1, i < e.Length ? e[i] : "<end>", i < a.Length ? a[i] : "<end>");
    }

    private static string ThisFile([CallerFilePath] string file = "") => file;
}

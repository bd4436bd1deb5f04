using System.Runtime.CompilerServices;

namespace Infra.Tests.Cli;

/// <summary>
/// Compares output with a pinned file under Cli/Golden. The files are read from the source tree,
/// so regenerating them (INFRA_UPDATE_GOLDEN=1) edits what git tracks and the change shows in review.
/// </summary>
internal static class Golden
{
    public const string UpdateVariable = "INFRA_UPDATE_GOLDEN";

    public static void Verify(string name, string actual, [CallerFilePath] string caller = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(caller)!, "Golden", name);
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        var hint = $"Golden file tests/Infra.Tests/Cli/Golden/{name} does not match the output. If the change is intended, "
            + $"run `{UpdateVariable}=1 dotnet test tests/Infra.Tests --filter FullyQualifiedName~Infra.Tests.Cli` and review the diff; "
            + "otherwise fix the renderer.";
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
}

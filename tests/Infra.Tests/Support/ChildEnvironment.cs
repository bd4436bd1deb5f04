namespace Infra.Tests.Support;

/// <summary>
/// The environment every process a test starts receives: the parent's, minus anything that could point
/// the child at a real organisation or change how it runs (PORT_*, SPACELIFT_*, INFRA_*, PULUMI_*),
/// plus exactly what the test sets. A developer's exported credentials must never reach a test's
/// <c>up --yes</c>.
/// </summary>
internal static class ChildEnvironment
{
    private static readonly string[] GuardedPrefixes = ["PORT_", "SPACELIFT_", "INFRA_", "PULUMI_"];

    /// <summary>The test process's own environment, read once per launch.</summary>
    public static IReadOnlyDictionary<string, string?> Inherited()
    {
        var inherited = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            inherited[(string)entry.Key] = entry.Value as string;
        }

        return inherited;
    }

    public static Dictionary<string, string?> Build(IReadOnlyDictionary<string, string?> parent, IReadOnlyDictionary<string, string?> set)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in parent)
        {
            if (!IsGuarded(name))
            {
                result[name] = value;
            }
        }

        foreach (var (name, value) in set)
        {
            result[name] = value;
        }

        return result;
    }

    private static bool IsGuarded(string name) =>
        GuardedPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>Replaces the environment <paramref name="info"/> would inherit with <see cref="Build"/>'s.</summary>
    public static void Apply(System.Diagnostics.ProcessStartInfo info, IReadOnlyDictionary<string, string?> set, IReadOnlyDictionary<string, string?>? parent = null)
    {
        info.Environment.Clear();
        foreach (var (name, value) in Build(parent ?? Inherited(), set))
        {
            info.Environment[name] = value;
        }
    }
}

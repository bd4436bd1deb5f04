using System.Reflection;
using System.Text.RegularExpressions;
using Infra.Tests.Support;
using NetArchTest.Rules;

namespace Infra.Tests.Architecture;

/// <summary>
/// Holds the built assemblies to the layer table in docs/engine.md ("Layers"): project references
/// already refuse a reference the wrong way between projects (it is a cycle); these tests check what
/// a reference cannot, the layers inside Infra.Cli and the declarations in Stacks/, over every type's
/// signatures and method bodies. The table is read from the document, so the picture users read is
/// the rule the build is held to.
/// </summary>
public sealed partial class LayerTests
{
    private static readonly IReadOnlyDictionary<string, Assembly> Assemblies = new Dictionary<string, Assembly>
    {
        ["Infra"] = typeof(Infra.Stacks.SpaceliftIntegration).Assembly,
        ["Infra.Sdk"] = typeof(Infra.Sdk.ResourceKind).Assembly,
        ["Infra.Cli"] = typeof(Infra.Cli.Shell.CliApp).Assembly,
        ["Emulators"] = typeof(global::Emulators.Hosting.EmulatorHost).Assembly,
    };

    private static readonly Lazy<IReadOnlyList<Layer>> Table = new(ReadTable);

    public static TheoryData<string> LayerNames()
    {
        var data = new TheoryData<string>();
        foreach (var layer in Table.Value)
        {
            data.Add(layer.Namespace);
        }

        return data;
    }

    [Fact]
    public void Table_in_engine_md_names_every_layer()
    {
        Assert.Equal(
            [
                "Infra.Cli.Config", "Infra.Cli.Decisions", "Infra.Cli.Diagnostics", "Infra.Cli.Engine", "Infra.Cli.Hosting", "Infra.Cli.Http",
                "Infra.Cli.Port", "Infra.Cli.Providers", "Infra.Cli.PulumiMode", "Infra.Cli.PulumiProtocol", "Infra.Cli.Shell", "Infra.Cli.Spacelift",
                "Infra.Cli.Verify", "Infra.Sdk", "Infra.Sdk.Port", "Infra.Sdk.Spacelift", "Infra.Stacks",
            ],
            Table.Value.Select(layer => layer.Namespace).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(LayerNames))]
    public void Layer_uses_only_the_layers_it_lists(string name)
    {
        var layer = Table.Value.Single(l => l.Namespace == name);
        var forbidden = Table.Value
            .Where(other => other.Namespace != layer.Namespace && !layer.MayUse.Contains(other.Namespace))
            .Select(other => other.Namespace)
            .ToArray();

        var failing = Failing(layer, forbidden);

        Assert.True(failing.Count == 0, $"{name} ({layer.Assembly}) uses a layer outside [{string.Join(", ", layer.MayUse)}]: {string.Join(", ", failing)}");
    }

    [Fact]
    public void Packages_are_used_only_by_the_layers_that_list_them()
    {
        var failures = new List<string>();
        foreach (var package in Table.Value.SelectMany(l => l.Packages).Select(p => p.Name).Distinct())
        {
            var allowed = Table.Value
                .SelectMany(l => l.Packages.Where(p => p.Name == package).Select(p => p.Only ?? l.Namespace))
                .ToArray();
            foreach (var assembly in Assemblies.Where(a => a.Key != package))
            {
                var types = Types.InAssembly(assembly.Value).That().ResideInNamespace("Infra");
                foreach (var layer in allowed)
                {
                    types = types.And().DoNotResideInNamespace(layer);
                }

                var result = types.Should().NotHaveDependencyOn(package).GetResult();
                failures.AddRange((result.FailingTypeNames ?? []).Select(type => $"{type} uses {package}"));
            }
        }

        Assert.True(failures.Count == 0, string.Join("; ", failures));
    }

    [Fact]
    public void Every_type_of_the_program_and_the_sdk_sits_in_a_listed_layer()
    {
        var listed = Table.Value.Select(l => l.Namespace).ToArray();
        var stray = Assemblies
            .Where(a => a.Key != "Emulators")
            .SelectMany(a => a.Value.GetTypes())
            .Where(t => t.Namespace is { } ns && ns.StartsWith("Infra", StringComparison.Ordinal))
            .Where(t => !listed.Any(layer => t.Namespace == layer || t.Namespace!.StartsWith(layer + ".", StringComparison.Ordinal)))
            .Select(t => t.FullName)
            .ToArray();

        Assert.Empty(stray);
    }

    [Fact]
    public void Projects_reference_each_other_one_way()
    {
        static string[] Refs(Assembly a) => a.GetReferencedAssemblies()
            .Select(r => r.Name!)
            .Where(n => n is "Infra" or "Emulators" || n.StartsWith("Infra.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Empty(Refs(Assemblies["Infra.Sdk"]));
        Assert.Empty(Refs(Assemblies["Emulators"]));
        Assert.Equal(["Emulators", "Infra.Sdk"], Refs(Assemblies["Infra.Cli"]));
        Assert.Equal(["Infra.Cli", "Infra.Sdk"], Refs(Assemblies["Infra"]));
    }

    [Fact]
    public void The_executors_and_their_decisions_know_nothing_of_Spacelift()
    {
        foreach (var name in new[] { "Infra.Cli.Engine", "Infra.Cli.Decisions", "Infra.Cli.PulumiMode", "Infra.Cli.Providers" })
        {
            var layer = Table.Value.Single(l => l.Namespace == name);

            Assert.DoesNotContain("Infra.Cli.Spacelift", layer.MayUse);
            Assert.DoesNotContain("Infra.Sdk.Spacelift", layer.MayUse);
            Assert.DoesNotContain("Infra.Stacks", layer.MayUse);
            Assert.Empty(Failing(layer, ["Infra.Cli.Spacelift", "Infra.Sdk.Spacelift", "Infra.Stacks"]));
        }
    }

    [Fact]
    public void The_check_sees_a_dependency_in_a_method_body()
    {
        // PulumiMode does use the engine (its ownership check), so a rule forbidding it must fail:
        // proof that the checker reads what the code calls, not only the usings.
        var pulumiMode = Table.Value.Single(l => l.Namespace == "Infra.Cli.PulumiMode");

        Assert.NotEmpty(Failing(pulumiMode, ["Infra.Cli.Engine"]));
        Assert.NotEmpty(Failing(Table.Value.Single(l => l.Namespace == "Infra.Stacks"), ["Infra.Sdk"]));
    }

    private static List<string> Failing(Layer layer, string[] forbidden)
    {
        if (forbidden.Length == 0)
        {
            return [];
        }

        // A more specific row is a layer of its own: its types answer to its own rules.
        var types = Types.InAssembly(Assemblies[layer.Assembly]).That().ResideInNamespace(layer.Namespace);
        foreach (var inner in Table.Value.Where(other => other.Namespace.StartsWith(layer.Namespace + ".", StringComparison.Ordinal)))
        {
            types = types.And().DoNotResideInNamespace(inner.Namespace);
        }

        var result = types.ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        return [.. result.FailingTypeNames ?? []];
    }

    private static IReadOnlyList<Layer> ReadTable()
    {
        var path = Path.Combine(Path.GetDirectoryName(RepoFiles.ProjectFile)!, "docs", "engine.md");
        var layers = new List<Layer>();
        foreach (var line in File.ReadLines(path))
        {
            var row = Row().Match(line);
            if (!row.Success)
            {
                continue;
            }

            var mayUse = Quoted().Matches(row.Groups["uses"].Value).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            var packages = Package().Matches(row.Groups["packages"].Value)
                .Select(m => new PackageRule(m.Groups["name"].Value, m.Groups["only"].Success ? m.Groups["only"].Value : null))
                .ToArray();
            layers.Add(new Layer(row.Groups["ns"].Value, row.Groups["assembly"].Value, mayUse, packages));
        }

        Assert.NotEmpty(layers);
        return layers;
    }

    private sealed record Layer(string Namespace, string Assembly, IReadOnlySet<string> MayUse, IReadOnlyList<PackageRule> Packages);

    private sealed record PackageRule(string Name, string? Only);

    [GeneratedRegex(@"^\| `(?<ns>Infra(\.\w+)*)` \| (?<assembly>[\w.]+) \| (?<uses>[^|]*) \| (?<packages>[^|]*) \|$")]
    private static partial Regex Row();

    [GeneratedRegex(@"`([\w.]+)`")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"`(?<name>[\w.]+)`(?: \(only `(?<only>[\w.]+)`\))?")]
    private static partial Regex Package();
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Emulators.Hosting;
using FakePulumiEngine;
using FakePulumiEngine.Cli;
using Infra.Tests.Support;

namespace Infra.Tests.PulumiMode;

/// <summary>
/// What the Pulumi CLI checks before it starts the program (the fake CLI's front door, re-implemented
/// from pulumi/pulumi: tests/FakePulumiEngine/Cli/SOURCE.md): docs/pulumi-mode.md and the
/// committed stack files must get past it, and the program must then preview and up without an error.
/// </summary>
[Collection(ChildProcessCollection.Name)]
public sealed partial class PulumiCliFrontDoorTests
{
    [Fact]
    public void TheRepositoryPulumiYamlIsValidForPulumisProjectSchema()
    {
        var raw = YamlTree.Parse(File.ReadAllText(RepoFiles.ProjectFile), RepoFiles.ProjectFile)!;

        Assert.Empty(PulumiProject.SchemaProblems(raw));
        Assert.Equal("infra", PulumiProject.Load(RepoFiles.ProjectFile).Name);
    }

    [Fact]
    public void TheSchemaRejectsWhatPulumiRejects()
    {
        var problems = PulumiProject.SchemaProblems(YamlTree.Parse("name: infra\nruntime: dotnet\nconfig:\n  infra:x:\n    type: number\n", "Pulumi.yaml")!);

        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.StartsWith("#/config", p, StringComparison.Ordinal));
        Assert.Throws<PulumiCliException>(() => PulumiProject.Parse("runtime: dotnet\n", "Pulumi.yaml"));
    }

    [Fact]
    public async Task EveryGuideConfigSetLineThenPreviewAndUpSucceed()
    {
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = 3 });
        world.CopyRepoFile("Pulumi.dev.yaml");   // a fresh clone has it; `pulumi stack init dev` keeps it
        var lines = GuideConfigSetLines();

        foreach (var (key, secret) in lines)
        {
            // The guide's placeholders (and its real Port URL) stand for the emulators': tests never reach out.
            Assert.True(world.Config.TryGetValue(key, out var value), $"docs/pulumi-mode.md sets '{key}', which no emulator value stands for");
            world.Cli.ConfigSet("dev", key, value, secret);
        }

        Assert.Equal(world.Config.Keys.Order(StringComparer.Ordinal), lines.Select(l => l.Key).Order(StringComparer.Ordinal));
        var preview = await world.RunCliAsync(new FakeEngineOptions { DryRun = true });
        Assert.True(preview.Run.ExitCode == 0, preview.Run.ToString());
        Assert.Empty(preview.Calls.Errors());

        var up = await world.RunCliAsync();
        Assert.True(up.Run.ExitCode == 0, up.Run.ToString());
        Assert.Empty(up.Calls.Errors());
        Assert.NotEmpty(up.Calls.Custom());
    }

    [Fact]
    public async Task TheCommittedDevStackWithItsIdsFilledAndTheSecretsInTheEnvironmentAsTheWorkflowsPassThem()
    {
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = 2 });
        world.CopyRepoFile("Pulumi.dev.yaml");
        var file = world.Cli.StackFile("dev");
        File.WriteAllText(file, File.ReadAllText(file)
            .Replace("https://api.getport.io", world.Config["port:baseUrl"], StringComparison.Ordinal)
            .Replace("spacelift:apiKeyEndpoint: \"\"", "spacelift:apiKeyEndpoint: " + world.Config["spacelift:apiKeyEndpoint"], StringComparison.Ordinal)
            .Replace("# spacelift:apiKeyEndpoint: https://your-account.app.spacelift.io", "spacelift:apiKeyEndpoint: " + world.Config["spacelift:apiKeyEndpoint"], StringComparison.Ordinal));
        Assert.Contains(world.Config["spacelift:apiKeyEndpoint"], File.ReadAllText(file), StringComparison.Ordinal);
        world.ExtraEnvironment["PORT_CLIENT_ID"] = world.Config["port:clientId"];
        world.ExtraEnvironment["PORT_CLIENT_SECRET"] = world.Config["port:secret"];
        world.ExtraEnvironment["SPACELIFT_API_KEY_ID"] = world.Config["spacelift:apiKeyId"];
        world.ExtraEnvironment["SPACELIFT_API_KEY_SECRET"] = world.Config["spacelift:apiKeySecret"];

        var (run, calls) = await world.RunCliAsync(new FakeEngineOptions { DryRun = true });

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Empty(calls.Errors());
    }

    [Fact]
    public async Task PulumiConfigOnTheDemoStackAppliesTheDefaultsWithoutValidating()
    {
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = 0 });
        world.CopyRepoFile("Pulumi.demo.yaml");

        var config = world.Cli.Config("demo");

        Assert.Equal("25", config["infra:demoStacks"]);
        Assert.Equal("space_lift_stack", config["infra:blueprint"]);
        Assert.Equal("90", config["infra:pruneThresholdPercent"]);
        Assert.Equal("false", config["infra:takeOver"]);
        world.Cli.ProgramConfig("demo");
    }

    [Fact]
    public void MergeConfigReportsMissingKeysAsTheCliDoes()
    {
        var project = PulumiProject.Parse("name: infra\nruntime: dotnet\nconfig:\n  infra:a:\n    type: integer\n  b:\n    type: string\n  infra:c: {}\n", "Pulumi.yaml");

        var error = Assert.Throws<PulumiCliException>(() => MergeConfig.Apply("dev", project, new Dictionary<string, ConfigValue>(), s => s, validate: true));

        Assert.Equal("validating stack config: Stack 'dev' is missing configuration values 'b', 'infra:a' and 'infra:c'", error.Message);
        var two = PulumiProject.Parse("name: infra\nconfig:\n  infra:demoStacks:\n    type: integer\n  infra:demoStateFile:\n    type: string\n", "Pulumi.yaml");
        Assert.Equal(
            "validating stack config: Stack 'dev' is missing configuration values 'infra:demoStacks' and 'infra:demoStateFile'",
            Assert.Throws<PulumiCliException>(() => MergeConfig.Apply("dev", two, new Dictionary<string, ConfigValue>(), s => s, validate: true)).Message);
        Assert.Empty(MergeConfig.Apply("dev", two, new Dictionary<string, ConfigValue>(), s => s, validate: false));
    }

    [Theory]
    [InlineData("integer", "25", true)]
    [InlineData("integer", "\"25\"", true)]
    [InlineData("integer", "25.5", false)]
    [InlineData("integer", "true", false)]
    [InlineData("boolean", "true", true)]
    [InlineData("boolean", "\"false\"", true)]
    [InlineData("boolean", "True", true)]        // YAML's True is the bool true, stored as "true"
    [InlineData("boolean", "\"True\"", false)]
    [InlineData("boolean", "yes", false)]
    [InlineData("string", "25", true)]
    [InlineData("string", "true", true)]
    public void StackValuesAreTypeCheckedAsText(string type, string yaml, bool valid)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("infra-cli-").FullName;
        try
        {
            var stackFile = Path.Combine(directory, "Pulumi.dev.yaml");
            File.WriteAllText(stackFile, $"config:\n  x: {yaml}\n");
            var project = PulumiProject.Parse($"name: infra\nconfig:\n  infra:x:\n    type: {type}\n", "Pulumi.yaml");
            var values = StackConfigFile.Load(stackFile, "infra").Config;

            var merge = () => MergeConfig.Apply("dev", project, values, s => s, validate: true);

            if (valid)
            {
                Assert.Contains("infra:x", merge().Keys);
            }
            else
            {
                Assert.Equal($"validating stack config: Stack 'dev' with configuration key 'infra:x' must be of type '{type}'", Assert.Throws<PulumiCliException>(merge).Message);
            }
        }
        finally
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void DefaultsAreAddedAsPlainTextAndTheStackWins()
    {
        var project = PulumiProject.Parse("name: infra\nconfig:\n  infra:n:\n    type: integer\n    default: 90\n  infra:f:\n    default: false\n  infra:e:\n    default: \"\"\n  infra:l:\n    type: array\n    items:\n      type: string\n    default: [a]\n  port:x:\n    value: v\n", "Pulumi.yaml");

        var merged = MergeConfig.Apply("dev", project, new Dictionary<string, ConfigValue> { ["port:x"] = new("mine") }, s => s, validate: true);

        Assert.Equal(new ConfigValue("90"), merged["infra:n"]);
        Assert.Equal(new ConfigValue("false"), merged["infra:f"]);
        Assert.Equal(new ConfigValue(""), merged["infra:e"]);
        Assert.Equal(new ConfigValue("[\"a\"]", Object: true), merged["infra:l"]);
        Assert.Equal(new ConfigValue("mine"), merged["port:x"]);
    }

    [Fact]
    public void ThePulumiConfigVariableIsGoJson()
    {
        Assert.Equal("{\"a:b\":\"x\\u003cy\\u0026\\\"\",\"z:a\":\"é\"}", GoJson.Object(new Dictionary<string, string> { ["z:a"] = "é", ["a:b"] = "x<y&\"" }));
        Assert.Equal("[]", GoJson.Array([]));
        Assert.Equal(JsonValue.Create("x<y&\"")!.ToJsonString(), JsonNode.Parse(GoJson.String("x<y&\""))!.ToJsonString());
    }

    /// <summary>Every <c>pulumi config set</c> line of docs/pulumi-mode.md: the key and whether it is --secret.</summary>
    internal static List<(string Key, bool Secret)> GuideConfigSetLines()
    {
        var guide = File.ReadAllText(Path.Combine(Path.GetDirectoryName(RepoFiles.ProjectFile)!, "docs", "pulumi-mode.md"));
        var lines = ConfigSetLine().Matches(guide).Select(m => (m.Groups["key"].Value, m.Groups["secret"].Success)).ToList();
        Assert.True(lines.Count >= 6, $"expected docs/pulumi-mode.md's config set lines, found {lines.Count}");
        return lines;
    }

    [GeneratedRegex(@"^pulumi config set (?<secret>--secret )?(?<key>[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+) \S", RegexOptions.Multiline)]
    private static partial Regex ConfigSetLine();
}

using System.Text.RegularExpressions;
using Emulators.Hosting;
using Emulators.Spacelift.Stacks;
using Infra.Cli.Diagnostics;
using Infra.Tests.Support;

namespace Infra.Tests.Integration;

/// <summary>
/// The README's commands, run as a newcomer runs them: the quick start's two commands, the demo's steps in
/// order, and the "real accounts" steps against the emulators, line by line. A README that drifts from the
/// program fails here.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class ReadmeTests
{
    private static readonly string Root = Path.GetDirectoryName(RepoFiles.ProjectFile)!;

    [Fact]
    public void TheQuickStartIsTwoCommandsAndCiRunsTheSecondVerbatim()
    {
        var commands = CommandBlocks("## Quick start").Single();

        Assert.Equal(["dotnet run -- up --stack demo --yes", "dotnet test tests/Infra.Tests"], commands);
        var ci = File.ReadAllLines(Path.Combine(Root, ".ci", "run"));
        Assert.Contains(ci, line => line.StartsWith(commands[1] + " ", StringComparison.Ordinal));
    }

    [Fact]
    public void TheReadmeStaysShort()
    {
        Assert.True(new FileInfo(Path.Combine(Root, "README.md")).Length < 20_000, "README.md must stay under 20 KB; move long sections to docs/");
    }

    [Fact]
    public async Task TheDemoStepsRunInOrder()
    {
        using var demo = new DemoCopy();
        // Any of the demo's stacks will do: the emulator generates the same ones for the same count.
        var count = int.Parse(Regex.Match(File.ReadAllText(Path.Combine(Root, "Pulumi.demo.yaml")), @"infra:demoStacks: (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var stackId = StackGenerator.Generate(count)[0].Id;
        var steps = new[] { CommandBlocks("## Quick start").Single()[0] }
            .Concat(CommandBlocks("## Trying it against the emulators").First())
            .Select(line => ProgramArguments(line).Select(a => a == "<stack id>" ? stackId : a).ToArray())
            .ToList();
        Assert.Equal(["up", "preview", "verify", "destroy"], steps.Select(s => s[0]));

        var runs = new List<CliRun>();
        foreach (var step in steps)
        {
            var run = await demo.RunAsync(step);
            Expect.Exit(ExitCodes.Success, run);
            runs.Add(run);
        }

        Assert.Contains("created", runs[0].Output, StringComparison.Ordinal);
        Assert.Contains("unchanged", runs[1].Output, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d+ to (create|update|delete|replace)", runs[1].Output);
        Assert.Contains("Verified:", runs[2].Output, StringComparison.Ordinal);
        Assert.Contains("deleted", runs[3].Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRealAccountStepsWorkLineByLineAgainstTheEmulators()
    {
        await using var sandbox = await Sandbox.StartAsync(new EmulatorOptions { Stacks = 4 });
        var section = Section("## Pointing it at real accounts");

        // 1. Create your stack: the template copied as the README says, its four values filled in.
        var copy = CopyCommand().Match(section);
        Assert.True(copy.Success, "the README no longer says how to create a stack with cp");
        var stack = copy.Groups["stack"].Value;
        var template = File.ReadAllText(Path.Combine(Root, copy.Groups["from"].Value));
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["port:baseUrl: https://api.getport.io"] = $"port:baseUrl: {sandbox.Emulators.PortUrl}",
            ["port:clientId: \"\""] = $"port:clientId: {sandbox.Emulators.Options.PortClientId}",
            ["spacelift:apiKeyEndpoint: \"\""] = $"spacelift:apiKeyEndpoint: {sandbox.Emulators.SpaceliftUrl}",
            ["spacelift:apiKeyId: \"\""] = $"spacelift:apiKeyId: {sandbox.Emulators.Options.SpaceliftKeyId}",
        };
        Assert.All(values.Keys, blank => Assert.Contains("\n  " + blank + "\n", template, StringComparison.Ordinal));
        var filled = values.Aggregate(template, (text, value) => text.Replace(value.Key, value.Value, StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(sandbox.Directory, $"Pulumi.{stack}.yaml"), filled);

        // 2. Store the two secrets: the passphrase from a file, each value on stdin.
        var passphraseFile = Path.Combine(sandbox.Directory, "passphrase");
        File.WriteAllText(passphraseFile, "correct horse battery staple");
        var block = CommandBlocks("## Pointing it at real accounts").First();
        Assert.StartsWith("export PULUMI_CONFIG_PASSPHRASE_FILE=", block[0], StringComparison.Ordinal);
        sandbox.Environment["PULUMI_CONFIG_PASSPHRASE_FILE"] = passphraseFile;
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["port:secret"] = sandbox.Emulators.Options.PortClientSecret,
            ["spacelift:apiKeySecret"] = sandbox.Emulators.Options.SpaceliftKeySecret,
        };
        foreach (var line in block.Skip(1))
        {
            var args = ProgramArguments(line);
            var set = await sandbox.RunAsync([.. args, "--cwd", sandbox.Directory], stdin: secrets[args[2]] + "\n");
            Expect.Exit(ExitCodes.Success, set);
        }

        Assert.Equal(2, Regex.Count(File.ReadAllText(Path.Combine(sandbox.Directory, $"Pulumi.{stack}.yaml")), "secure: "));

        // 3. preview, up (a user answers the prompt; here --yes does), verify.
        var third = InlineCommands().Matches(section).Select(m => m.Groups["command"].Value).Where(c => c.StartsWith("dotnet run -- ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["preview", "up", "verify"], third.Select(c => ProgramArguments(c)[0]));
        foreach (var command in third)
        {
            var args = ProgramArguments(command);
            var run = await sandbox.RunAsync([.. args, .. args[0] == "up" ? new[] { "--yes" } : [], "--cwd", sandbox.Directory]);
            Expect.Exit(ExitCodes.Success, run);
        }

        sandbox.AssertEntitiesMatchStacks();
        var blueprint = sandbox.Emulators.Port.Blueprint(Sandbox.Blueprint);
        Assert.Contains($"owner:infra/{stack}", blueprint!["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static string Section(string heading)
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var start = readme.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"README has no '{heading}' section");
        var end = readme.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? readme[start..] : readme[start..end];
    }

    /// <summary>The command lines of each ```bash block of a section, comments and blank lines dropped.</summary>
    private static List<List<string>> CommandBlocks(string heading) =>
        [.. BashBlock().Matches(Section(heading)).Select(m => m.Groups["body"].Value.Split('\n')
            .Select(l => Regex.Replace(l, @"\s+#.*$", "").Trim())
            .Where(l => l.Length > 0)
            .ToList())];

    /// <summary>The arguments after <c>dotnet run --</c>, placeholders kept as one token.</summary>
    private static string[] ProgramArguments(string line)
    {
        Assert.StartsWith("dotnet run -- ", line, StringComparison.Ordinal);
        return [.. Token().Matches(line["dotnet run -- ".Length..]).Select(m => m.Value)];
    }

    [GeneratedRegex(@"```bash\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();

    [GeneratedRegex(@"`cp (?<from>Pulumi\.[a-z]+\.yaml)\s+Pulumi\.(?<stack>[a-z]+)\.yaml`")]
    private static partial Regex CopyCommand();

    [GeneratedRegex(@"`(?<command>dotnet run -- [^`]+)`")]
    private static partial Regex InlineCommands();

    [GeneratedRegex(@"<[^>]+>|\S+")]
    private static partial Regex Token();
}

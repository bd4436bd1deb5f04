using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Infra.Tests.Cli;

/// <summary>
/// The CI workflows call the program; these tests fail when a workflow uses a verb or flag the
/// command line does not have, by running each call through the real parser over fakes.
/// </summary>
public sealed partial class WorkflowTests
{
    private static readonly string[] Secrets =
        ["PORT_CLIENT_ID", "PORT_CLIENT_SECRET", "SPACELIFT_API_KEY_ID", "SPACELIFT_API_KEY_SECRET", "PULUMI_CONFIG_PASSPHRASE"];

    private static readonly string[] WorkflowFiles = ["preview.yml", "apply.yml", "scheduled.yml"];

    public static TheoryData<string> Files() => [.. WorkflowFiles];

    public static TheoryData<string, string> ProgramCalls()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in WorkflowFiles)
        {
            foreach (var call in RunScripts(Load(file)).SelectMany(ProgramArguments))
            {
                data.Add(file, call);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ProgramCalls))]
    public async Task EveryProgramCallParsesWithTheRealCommandLine(string file, string arguments)
    {
        // Given: a stack with nothing to do, so a valid call exits 0 whatever its flags.
        var cli = new CliHarness(Fixtures.NoChanges());

        // When
        var run = await cli.RunAsync(arguments);

        // Then
        Assert.True(run.ExitCode == 0, $"{file}: `dotnet run -- {arguments}` exited {run.ExitCode}: {run.Error}");
        Assert.NotNull(cli.Configuration.Loaded);
    }

    [Fact]
    public void TheWorkflowsCallPreviewWithMarkdownUpWithYesAndTheDriftCheck()
    {
        var calls = WorkflowFiles.SelectMany(f => RunScripts(Load(f)).SelectMany(ProgramArguments)).ToList();

        Assert.Contains("preview --stack dev --format markdown --diff", calls);
        Assert.Contains("up --stack dev --yes", calls);
        Assert.Contains(calls, c => c.StartsWith("preview", StringComparison.Ordinal) && c.Contains("--expect-no-changes"));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EachWorkflowSetsUpDotnetTenAndTakesEveryCredentialFromSecrets(string file)
    {
        var text = File.ReadAllText(PathOf(file));

        Assert.Contains("uses: actions/setup-dotnet@v4", text);
        Assert.Contains("dotnet-version: 10.0.x", text);
        Assert.All(Secrets, name => Assert.Contains($"{name}: ${{{{ secrets.{name} }}}}", text));
    }

    [Fact]
    public void ApplyAndScheduledShareOneConcurrencyGroupThatNeverCancelsARun()
    {
        static (string Group, string Cancel) Concurrency(string file)
        {
            var concurrency = (YamlMappingNode)Load(file)["concurrency"];
            return (((YamlScalarNode)concurrency["group"]).Value!, ((YamlScalarNode)concurrency["cancel-in-progress"]).Value!);
        }

        Assert.Equal(Concurrency("apply.yml"), Concurrency("scheduled.yml"));
        Assert.Equal("false", Concurrency("apply.yml").Cancel);
    }

    [Fact]
    public void PreviewCommentIsFoundByTheMarkerTheMarkdownStartsWith()
    {
        var text = File.ReadAllText(PathOf("preview.yml"));

        Assert.Contains($"const marker = '{Infra.Cli.Shell.Rendering.Markdown.MarkdownReport.Marker("dev")}';", text);
    }

    private static YamlMappingNode Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(PathOf(file));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static IEnumerable<string> RunScripts(YamlMappingNode workflow) =>
        ((YamlMappingNode)workflow["jobs"]).Children.Values
            .Cast<YamlMappingNode>()
            .SelectMany(job => ((YamlSequenceNode)job["steps"]).Children.Cast<YamlMappingNode>())
            .Where(step => step.Children.ContainsKey("run"))
            .Select(step => ((YamlScalarNode)step["run"]).Value!);

    /// <summary>The arguments after <c>--</c> of each <c>dotnet run</c>, up to a redirection or the next shell command.</summary>
    private static IEnumerable<string> ProgramArguments(string script) =>
        script.Replace("\\\n", " ", StringComparison.Ordinal).Split('\n')
            .Select(line => DotnetRun().Match(line))
            .Where(m => m.Success)
            .Select(m => string.Join(' ', m.Groups["args"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .TakeWhile(token => !ShellOperator().IsMatch(token))
                .Select(token => token.Trim('"', '\''))));

    private static string PathOf(string file, [CallerFilePath] string caller = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(caller)!, "..", "..", "..", ".github", "workflows", file));

    [GeneratedRegex(@"\bdotnet run\b.*? -- (?<args>.*)$")]
    private static partial Regex DotnetRun();

    [GeneratedRegex(@"^(\d?>|<|\||&&|\|\||;)")]
    private static partial Regex ShellOperator();
}

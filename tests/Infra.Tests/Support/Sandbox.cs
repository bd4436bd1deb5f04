using System.Text;
using System.Text.Json.Nodes;
using Emulators.Hosting;
using Infra.Cli.Shell;
using Infra.Cli.Shell.Io;
using Infra.Cli.Config;
using Infra.Cli.Engine;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Testing;

namespace Infra.Tests.Support;

/// <summary>
/// One end-to-end world: both emulators on free 127.0.0.1 ports, a temporary project folder holding the
/// repository's Pulumi.yaml and a Pulumi.ci.yaml pointing at them, and the program run in-process or
/// as a child process against that folder. Time is shared through <see cref="Clock"/>.
/// </summary>
internal sealed class Sandbox : IAsyncDisposable
{
    public const string StackName = "ci";
    public const string Blueprint = "space_lift_stack";

    private readonly WallClockDriver _time;

    private Sandbox(EmulatorHost emulators, string directory, FakeTimeProvider clock)
    {
        _time = new WallClockDriver(clock);
        Emulators = emulators;
        Directory = directory;
        Clock = clock;
        Config = EmulatorConfig.For(emulators);
        Config["infra:stateDir"] = ".infra/state";
    }

    public EmulatorHost Emulators { get; }

    public string Directory { get; }

    /// <summary>Flows with the wall clock (<see cref="WallClockDriver"/>); <c>Advance</c> jumps ahead.</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>Keys written to the stack file by <see cref="WriteStackFile"/>, in clear.</summary>
    public Dictionary<string, string> Config { get; }

    /// <summary>The environment the program sees (in-process and child runs alike).</summary>
    public Dictionary<string, string?> Environment { get; } = new(StringComparer.Ordinal) { ["NO_COLOR"] = "1" };

    /// <summary>Null for the real <see cref="StackEngineFactory"/> on <see cref="Clock"/>.</summary>
    public IStackEngineFactory? Engines { get; set; }

    public string StackFile => Path.Combine(Directory, $"Pulumi.{StackName}.yaml");

    public string StateDir => Path.Combine(Directory, ".infra", "state");

    public string LockOwnerFile => Path.Combine(StateDir, StackName + ".lock.owner");

    public static async Task<Sandbox> StartAsync(EmulatorOptions? options = null)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var emulators = await EmulatorHost.StartAsync((options ?? new EmulatorOptions()) with { Time = clock });
        var directory = System.IO.Directory.CreateTempSubdirectory("infra-e2e-").FullName;
        File.Copy(RepoFiles.ProjectFile, Path.Combine(directory, "Pulumi.yaml"));
        var sandbox = new Sandbox(emulators, directory, clock);
        sandbox.WriteStackFile();
        return sandbox;
    }

    /// <summary>Rewrites Pulumi.ci.yaml from <see cref="Config"/>, dropping encrypted values: set them again with <see cref="SetSecret"/>.</summary>
    public void WriteStackFile()
    {
        var text = new StringBuilder("config:\n");
        foreach (var (key, value) in Config)
        {
            text.Append("  ").Append(key).Append(": '").Append(value.Replace("'", "''", StringComparison.Ordinal)).Append("'\n");
        }

        File.WriteAllText(StackFile, text.ToString());
    }

    /// <summary>Stores <paramref name="key"/> encrypted with the passphrase in <see cref="Environment"/>, as <c>config set --secret</c> does.</summary>
    public void SetSecret(string key, string value)
    {
        if (Config.Remove(key))
        {
            WriteStackFile();
        }

        var store = StackConfigStore.Open(Directory, StackName, Environment);
        store.Set(store.ParseKey(key), value, secret: true);
    }

    /// <summary>Runs <c>infra &lt;verb&gt; --stack ci --cwd &lt;dir&gt; &lt;extra&gt;</c> in-process.</summary>
    public Task<CliRun> Cli(string verb, params string[] extra) => RunAsync(Arguments(verb, extra));

    /// <summary>Runs the program in-process with exactly these arguments, and <paramref name="stdin"/> piped in when given.</summary>
    public async Task<CliRun> RunAsync(IEnumerable<string> args, string? stdin = null)
    {
        var output = Console();
        var error = Console();
        var environment = new CliEnvironment(new Dictionary<string, string?>(Environment, StringComparer.Ordinal));
        var input = stdin is null ? StandardInput.None : new StandardInput(new StringReader(stdin));
        var host = new CliHost(output, error, environment, input, Engines ?? Infra.Cli.Hosting.Engines.Create(new Infra.Stacks.SpaceliftIntegration(), Clock), new StackConfigurationSource(environment), Clock);
        var code = await CliApp.RunAsync(host, args, CancellationToken.None);
        return new CliRun(code, output.Output, error.Output);
    }

    /// <summary>Starts <c>dotnet Infra.dll &lt;verb&gt; --stack ci --cwd &lt;dir&gt; &lt;extra&gt;</c>.</summary>
    public ChildProcess StartChild(string verb, params string[] extra) => ChildProcess.Start(Arguments(verb, extra), Environment);

    public PortApi PortApi() => new(Emulators.PortUrl, Emulators.Options.PortClientId, Emulators.Options.PortClientSecret);

    public IReadOnlyList<string> StackIds() => [.. Emulators.Spacelift.Stacks.All().Select(s => s.Id)];

    public IReadOnlyList<string> EntityIds() => [.. Emulators.Port.Entities(Blueprint).Select(e => e["identifier"]!.GetValue<string>())];

    public string? TokenSecret() => Emulators.Port.SecretValue(Infra.Stacks.ResourceNames.Guide.TokenSecret);

    /// <summary>Port holds exactly one entity per Spacelift stack: none missing, none extra, no duplicates.</summary>
    public void AssertEntitiesMatchStacks()
    {
        var entities = EntityIds();
        Assert.Equal(entities.Count, entities.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(StackIds().Order(StringComparer.Ordinal), entities.Order(StringComparer.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        await Emulators.DisposeAsync();
        await _time.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still be letting go of a file; the OS cleans temp folders eventually.
        }
    }

    /// <summary>The JSON document a <c>--json</c> run printed.</summary>
    public static JsonObject Json(CliRun run) => JsonNode.Parse(run.Output)!.AsObject();

    private string[] Arguments(string verb, string[] extra) =>
        [.. verb.Split(' '), "--stack", StackName, "--cwd", Directory, .. extra];

    // Wide, so nothing is wrapped or cut: the secret scan must see whole values.
    private static TestConsole Console()
    {
        var console = new TestConsole();
        console.Profile.Width = 4000;
        return console;
    }
}

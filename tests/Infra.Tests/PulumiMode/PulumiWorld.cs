using System.Text.Json.Nodes;
using Emulators.Hosting;
using FakePulumiEngine;
using FakePulumiEngine.Cli;
using Infra.Cli.Config.Secrets;
using Infra.Tests.Support;

namespace Infra.Tests.PulumiMode;

/// <summary>
/// The emulators on 127.0.0.1, a project folder holding the repository's Pulumi.yaml, and the stack's
/// config values (the credential keys stored <c>secure:</c>). <see cref="RunAsync"/> writes them to the
/// stack file and runs the real built program through the fake CLI's front door (Pulumi.yaml checked,
/// config merged as the CLI merges it) under a fresh fake engine.
/// </summary>
internal sealed class PulumiWorld : IAsyncDisposable
{
    private PulumiWorld(EmulatorHost emulators, string directory)
    {
        Emulators = emulators;
        Directory = directory;
        Config = EmulatorConfig.For(emulators);
        var crypter = new PassphraseCrypter([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);
        Cli = new PulumiCli(directory, crypter.Encrypt, crypter.Decrypt);
    }

    /// <summary>The fake CLI over <see cref="Directory"/>; its secrets provider is a fixed test key.</summary>
    public PulumiCli Cli { get; }

    public EmulatorHost Emulators { get; }

    public string Directory { get; }

    public Dictionary<string, string> Config { get; }

    public List<string> SecretKeys { get; } = ["port:secret", "spacelift:apiKeySecret"];

    /// <summary>Extra variables on top of the language host's (for the environment-override tests).</summary>
    public Dictionary<string, string> ExtraEnvironment { get; } = new(StringComparer.Ordinal);

    public static async Task<PulumiWorld> StartAsync(EmulatorOptions? options = null)
    {
        var emulators = await EmulatorHost.StartAsync(options ?? new EmulatorOptions());
        var directory = System.IO.Directory.CreateTempSubdirectory("infra-pulumi-").FullName;
        File.Copy(RepoFiles.ProjectFile, Path.Combine(directory, "Pulumi.yaml"));
        return new PulumiWorld(emulators, directory);
    }

    /// <summary><see cref="Config"/> written as the stack's file (replacing it), then <see cref="RunCliAsync"/>.</summary>
    public Task<(ProgramRun Run, IReadOnlyList<RecordedCall> Calls)> RunAsync(FakeEngineOptions? options = null, TimeSpan? timeout = null)
    {
        options ??= new FakeEngineOptions();
        File.Delete(Cli.StackFile(options.Stack));
        foreach (var (key, value) in Config)
        {
            Cli.ConfigSet(options.Stack, key, value, secret: SecretKeys.Contains(key));
        }

        return RunCliAsync(options, timeout);
    }

    /// <summary><c>pulumi preview</c>/<c>up</c> on the stack file as it is, <see cref="ExtraEnvironment"/> being the shell's.</summary>
    public Task<(ProgramRun Run, IReadOnlyList<RecordedCall> Calls)> RunCliAsync(FakeEngineOptions? options = null, TimeSpan? timeout = null)
        => Cli.RunAsync(options ?? new FakeEngineOptions(), ExtraEnvironment, RepoFiles.DotnetHost, RepoFiles.InfraDll, timeout ?? TimeSpan.FromMinutes(3));

    /// <summary>Copies a file of the repository's root into the project folder (a fresh clone's committed stack files).</summary>
    public void CopyRepoFile(string name)
        => File.Copy(Path.Combine(Path.GetDirectoryName(RepoFiles.ProjectFile)!, name), Path.Combine(Directory, name), overwrite: true);

    /// <summary>Creates the blueprint and <paramref name="count"/> entities in Port, as an earlier run would have.</summary>
    public Task SeedEntitiesAsync(int count)
        => SeedEntitiesAsync([.. Enumerable.Range(0, count).Select(i => new JsonObject
        {
            ["identifier"] = $"seeded-{i}",
            ["title"] = $"seeded {i}",
            ["properties"] = new JsonObject(),
            ["relations"] = new JsonObject(),
        })]);

    /// <summary>Creates the blueprint and these entities in Port, as an earlier run (or someone in Port's UI) would have.</summary>
    public async Task SeedEntitiesAsync(IEnumerable<JsonObject> entities)
    {
        using var api = new PortApi(Emulators.PortUrl, Emulators.Options.PortClientId, Emulators.Options.PortClientSecret);
        await api.SendAsync(HttpMethod.Post, "v1/blueprints", Infra.Tests.Emulators.Port.GuideResources.Blueprint());
        foreach (var entity in entities)
        {
            await api.SendAsync(HttpMethod.Post, "v1/blueprints/space_lift_stack/entities", entity);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Emulators.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

using System.Text.Json.Nodes;
using Emulators.Hosting;
using FakePulumiEngine;
using Infra.Tests.Support;

namespace Infra.Tests.PulumiMode;

/// <summary>
/// The emulators on 127.0.0.1, a project folder holding the repository's Pulumi.yaml, and the stack
/// config the Pulumi CLI would hand the program (decrypted, the credential keys marked secret).
/// <see cref="RunAsync"/> runs the real built program under a fresh fake engine.
/// </summary>
internal sealed class PulumiWorld : IAsyncDisposable
{
    private PulumiWorld(EmulatorHost emulators, string directory)
    {
        Emulators = emulators;
        Directory = directory;
        Config = EmulatorConfig.For(emulators);
    }

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

    public async Task<(ProgramRun Run, IReadOnlyList<RecordedCall> Calls)> RunAsync(FakeEngineOptions? options = null, TimeSpan? timeout = null)
    {
        await using var engine = await FakeEngine.StartAsync(options ?? new FakeEngineOptions());
        var environment = LanguageHost.Environment(engine, Directory, Config, SecretKeys);
        foreach (var (name, value) in ExtraEnvironment)
        {
            environment[name] = value;
        }

        var run = await LanguageHost.RunAsync(RepoFiles.DotnetHost, RepoFiles.InfraDll, Directory, environment, timeout ?? TimeSpan.FromMinutes(3));
        return (run, engine.Calls);
    }

    /// <summary>Creates the blueprint and <paramref name="count"/> entities in Port, as an earlier run would have.</summary>
    public async Task SeedEntitiesAsync(int count)
    {
        using var api = new PortApi(Emulators.PortUrl, Emulators.Options.PortClientId, Emulators.Options.PortClientSecret);
        await api.SendAsync(HttpMethod.Post, "v1/blueprints", Infra.Tests.Emulators.Port.GuideResources.Blueprint());
        for (var i = 0; i < count; i++)
        {
            await api.SendAsync(HttpMethod.Post, "v1/blueprints/space_lift_stack/entities", new JsonObject
            {
                ["identifier"] = $"seeded-{i}",
                ["title"] = $"seeded {i}",
                ["properties"] = new JsonObject(),
                ["relations"] = new JsonObject(),
            });
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

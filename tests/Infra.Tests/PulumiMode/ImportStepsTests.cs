using System.Text.RegularExpressions;
using Emulators.Hosting;
using Infra.Tests.Support;

namespace Infra.Tests.PulumiMode;

/// <summary>
/// The README's steps for taking over an existing organisation with <c>pulumi import</c> only work if
/// each command names a resource exactly as the program registers it (type token and logical name,
/// under the stack): then the imported state sits at the URN the next <c>pulumi up</c> registers, and
/// Pulumi diffs instead of creating over it. The real CLI cannot run here; this pins the names.
/// </summary>
[Collection(ChildProcessCollection.Name)]
public sealed partial class ImportStepsTests
{
    [Fact]
    public async Task EveryReadmeImportCommandNamesAResourceTheProgramRegistersAndCoversEveryKind()
    {
        var commands = ReadmeImportCommands();
        await using var world = await PulumiWorld.StartAsync(new EmulatorOptions { Stacks = 3 });
        // Live updates on, so the loop's three ends are registered too (the engine computes the Port webhook's url).
        world.Config["infra:liveUpdates"] = "true";

        var (run, calls) = await world.RunAsync(new FakePulumiEngine.FakeEngineOptions
        {
            ComputedOutputs = (type, _) => type == Recorded.Webhook ? new System.Text.Json.Nodes.JsonObject { ["url"] = "https://ingest.getport.io/k" } : null,
        });

        Assert.True(run.ExitCode == 0, run.ToString());
        // Each import names the explicit provider of its package that the program registers, and the targeted up that precedes them creates it.
        var provider = calls.Named(Recorded.Provider, "port");
        var providerUrn = Recorded.Urn(Recorded.Provider, Recorded.Text(provider.Request, "name")!);
        var spaceliftUrn = Recorded.Urn(Recorded.SpaceliftProvider, Recorded.Text(calls.Named(Recorded.SpaceliftProvider, "spacelift").Request, "name")!);
        Assert.All(ImportCommand().Matches(Readme()), m => Assert.Equal(m.Groups["package"].Value == "port" ? providerUrn : spaceliftUrn, m.Groups["provider"].Value));
        Assert.Contains($"--target '{spaceliftUrn}'", Readme(), StringComparison.Ordinal);
        Assert.Contains("pulumi plugin install resource terraform-provider v1.1.3", Readme(), StringComparison.Ordinal);
        Assert.All(ImportCommand().Matches(Readme()), m => Assert.Contains("--protect=false", m.Groups["flags"].Value, StringComparison.Ordinal));
        Assert.Contains($"pulumi up --target '{providerUrn}' --yes", Readme(), StringComparison.Ordinal);
        Assert.Contains("pulumi plugin install resource port 2.21.10 --server github://api.github.com/port-labs", Readme(), StringComparison.Ordinal);
        var registered = calls.Custom().Select(c => (Type: Recorded.Text(c.Request, "type")!, Name: Recorded.Text(c.Request, "name")!)).ToList();
        var entity = registered.First(r => r.Type == Recorded.Entity);
        foreach (var (type, name, id) in commands)
        {
            if (type == Recorded.Entity)
            {
                // The README's placeholder stands for any stack id: the program names an entity by it, and the provider's id adds the blueprint.
                Assert.Equal("<stack-id>", name);
                Assert.Equal("space_lift_stack:<stack-id>", id);
                continue;
            }

            Assert.Contains((type, name), registered);
            if (type.StartsWith("port:", StringComparison.Ordinal))
            {
                Assert.Equal(name, id);
            }
            else
            {
                // Spacelift gives the ids, which may carry a suffix after the name: the README leaves a placeholder.
                Assert.Matches("^<[a-z-]+-id>$", id);
            }
        }

        // Every resource the program registers is covered by one command (entities by the per-entity line).
        Assert.All(registered.Where(r => r.Type != Recorded.Entity), r => Assert.Contains(commands, c => c.Type == r.Type && c.Name == r.Name));
        Assert.Contains(commands, c => c.Type == entity.Type);
    }

    private static string Readme() => File.ReadAllText(Path.Combine(Path.GetDirectoryName(RepoFiles.ProjectFile)!, "README.md"));

    private static List<(string Type, string Name, string Id)> ReadmeImportCommands()
    {
        var commands = ImportCommand().Matches(Readme()).Select(m => (m.Groups["type"].Value, m.Groups["name"].Value, m.Groups["id"].Value)).ToList();
        Assert.True(commands.Count >= 12, $"expected the README's twelve import commands, found {commands.Count}");
        return commands;
    }

    [GeneratedRegex(@"^pulumi import (?<type>(?<package>port|spacelift):index/\S+) (?<name>\S+) (?<id>\S+) --provider \k<package>=(?<provider>\S+)(?<flags>[^#\n]*)", RegexOptions.Multiline)]
    private static partial Regex ImportCommand();
}

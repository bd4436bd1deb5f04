using Infra.Sdk.Spacelift;
using Infra.Cli.Config;
using Infra.Cli.Port;
using Infra.Tests.Support;
using Infra.Cli.Engine.State;
using Infra.Cli.Engine;
using Infra.Sdk;
using Infra.Cli.Spacelift;
using Infra.Stacks;
using Infra.Tests.Engine.Fakes;
using Microsoft.Extensions.Time.Testing;
using Infra.Cli.Engine.Contract;

namespace Infra.Tests.Engine;

/// <summary>One Port org, one Spacelift account, one state directory; engines are made fresh per run like separate processes.</summary>
public sealed class EngineFixture : IDisposable
{
    public const string PortSecret = "port-client-secret-5f2c";
    public const string ApiKeySecret = "spacelift-key-secret-9a7d";
    public const string ApiKeyId = "01HAPIKEYIDVALUE";

    public EngineFixture(int stacks = 5, double pruneThreshold = 0.5)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));
        Port = new InMemoryPortClient();
        Spacelift = new FakeSpaceliftClient(Time);
        Spacelift.Stacks.AddRange(Enumerable.Range(1, stacks).Select(Stack));
        StateDir = Directory.CreateTempSubdirectory("infra-engine-").FullName;
        Configuration = Config("space_lift_stack", pruneThreshold);
    }

    public FakeTimeProvider Time { get; }

    public InMemoryPortClient Port { get; }

    public FakeSpaceliftClient Spacelift { get; }

    public string StateDir { get; }

    public StackConfiguration Configuration { get; set; }

    public string StateFile => Path.Combine(StateDir, "dev.json");

    public static SpaceliftStack Stack(int n) => new(
        $"stack-{n}",
        $"Stack {n}",
        "root",
        n % 2 == 0 ? null : $"Stack number {n}",
        ["team:a", $"n:{n}"],
        "infra",
        "FINISHED",
        "GITHUB",
        "main");

    /// <summary>
    /// The program's keys beyond Pulumi.yaml's defaults: the fixture's renewal window is 2 hours, and its
    /// scenarios are the engine's over the guide's resources, with the token rotated by up alone (the
    /// self-renewing token's scenarios turn it on: TokenRenewalScenarioTests).
    /// </summary>
    public Dictionary<string, string> ProgramKeys { get; } = new(StringComparer.Ordinal)
    {
        ["infra:tokenRotationWindowMinutes"] = "120",
        ["infra:tokenRenewalLoop"] = "false",
    };

    public StackConfiguration Config(string blueprint, double pruneThreshold = 0.5)
    {
        ProgramKeys["infra:blueprint"] = blueprint;
        return new(
            "infra",
            "dev",
            "Pulumi.dev.yaml",
            new PortSettings(new Uri("https://api.port.io"), "client-id", new Secret(PortSecret)),
            new SpaceliftSettings(new Uri("https://acme.app.spacelift.io"), ApiKeyId, new Secret(ApiKeySecret)),
            new ProjectSettings(pruneThreshold, 4, StateDir, false, null))
        {
            Values = new TestStackConfig(ProgramKeys),
        };
    }

    /// <summary>The services of this fixture's fakes, as the host would build them from real clients.</summary>
    public StackServices Services(IPortClient? port = null, ISpaceliftClient? spacelift = null)
    {
        port ??= Port;
        spacelift ??= Spacelift;
        return new StackServices(
            port,
            [new PortResources(port), new SpaceliftResources(spacelift)],
            [new PortOrganisation(Configuration.Port, port), new SpaceliftAccount(spacelift, Configuration.Spacelift)]);
    }

    public StackEngine Engine() => new(new SpaceliftIntegration(), Configuration, Services(), new FileStateStore(StateDir, "dev"), Time);

    public async Task<Plan> PreviewAsync(Operation operation = Operation.Update, bool allowMassDeletion = false)
    {
        await using var engine = Engine();
        return await engine.PlanAsync(operation, new PlanOptions(allowMassDeletion), CancellationToken.None);
    }

    public async Task<ApplyResult> RunAsync(Operation operation = Operation.Update, bool allowMassDeletion = false, IProgress<StepResult>? progress = null)
    {
        await using var engine = Engine();
        var plan = await engine.PlanAsync(operation, new PlanOptions(allowMassDeletion), CancellationToken.None);
        return await engine.ApplyAsync(plan, progress, CancellationToken.None);
    }

    public void Dispose() => Directory.Delete(StateDir, recursive: true);
}

using System.Globalization;
using Emulators.Hosting;
using FakePulumiEngine;

namespace Benchmarks.Runs;

/// <summary>
/// Pulumi engine mode: the time for the real program, started as Pulumi's dotnet language host starts
/// it, to register N entities with the fake engine (tests/FakePulumiEngine, shared with the tests)
/// against the in-process emulators. The fake answers at once, so this is the program's own cost
/// (start-up, Spacelift and Port reads, rendering, gRPC), not the provider's.
/// </summary>
public static class PulumiEngineBenchmark
{
    public const string Verb = "pulumi-engine";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var stacks = args is ["--stacks", var text] ? int.Parse(text, CultureInfo.InvariantCulture) : 5_000;
        var project = FindProjectFile();
        await using var emulators = await EmulatorHost.StartAsync(new EmulatorOptions { Stacks = stacks });
        var directory = Directory.CreateTempSubdirectory("infra-pulumi-bench-").FullName;
        File.Copy(project, Path.Combine(directory, "Pulumi.yaml"));
        var config = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["port:baseUrl"] = emulators.PortUrl.AbsoluteUri,
            ["port:clientId"] = emulators.Options.PortClientId,
            ["port:secret"] = emulators.Options.PortClientSecret,
            ["spacelift:apiKeyEndpoint"] = emulators.SpaceliftUrl.AbsoluteUri,
            ["spacelift:apiKeyId"] = emulators.Options.SpaceliftKeyId,
            ["spacelift:apiKeySecret"] = emulators.Options.SpaceliftKeySecret,
        };
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var program = Path.Combine(AppContext.BaseDirectory, "Infra.dll");
        try
        {
            foreach (var dryRun in new[] { true, false })
            {
                await using var engine = await FakeEngine.StartAsync(new FakeEngineOptions { DryRun = dryRun });
                var environment = LanguageHost.Environment(engine, directory, config, ["port:secret", "spacelift:apiKeySecret"]);
                var run = await LanguageHost.RunAsync(dotnet, program, directory, environment, TimeSpan.FromMinutes(10));
                var entities = engine.Calls.Count(c => c.Method == "RegisterResource" && c.Request["type"]?.GetValue<string>() == "port:index/entity:Entity");
                if (run.ExitCode != 0)
                {
                    Console.Error.WriteLine(run);
                    return 1;
                }

                Console.WriteLine($"pulumi engine mode, {(dryRun ? "preview" : "up")}: {entities:N0} entities registered in {run.Elapsed.TotalSeconds:0.00} s (whole process, {stacks:N0} stacks)");
            }

            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string FindProjectFile()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "Pulumi.yaml");
            if (File.Exists(candidate) && File.Exists(Path.Combine(directory.FullName, "Infra.csproj")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("Pulumi.yaml not found above " + AppContext.BaseDirectory);
    }
}

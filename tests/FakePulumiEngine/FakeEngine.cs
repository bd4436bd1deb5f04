using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Infra.Cli.PulumiProtocol.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FakePulumiEngine;

/// <summary>
/// Pulumi's resource monitor and engine services on one 127.0.0.1 port, plaintext HTTP/2, as the real
/// engine serves them. It answers like the engine (URNs by Pulumi's rule; no id for creates in a
/// preview; the inputs echoed as outputs; FAIL and SKIP under <c>--continue-on-error</c>) and records every
/// request in arrival order.
/// </summary>
public sealed class FakeEngine : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedCall> _calls = new();

    /// <summary>URNs whose registration was answered FAIL or SKIP: what later registrations are skipped for.</summary>
    private readonly ConcurrentDictionary<string, bool> _notDone = new(StringComparer.Ordinal);
    private int _sequence;

    private FakeEngine(WebApplication app, FakeEngineOptions options)
    {
        _app = app;
        Options = options;
    }

    public FakeEngineOptions Options { get; }

    /// <summary><c>127.0.0.1:&lt;port&gt;</c>, the form the language host passes in PULUMI_MONITOR and PULUMI_ENGINE.</summary>
    public string Address { get; private set; } = "";

    public IReadOnlyList<RecordedCall> Calls => [.. _calls.OrderBy(c => c.Sequence)];

    /// <summary>The package references allocated in this run (RegisterPackage), with what each was registered with.</summary>
    public PackageRegistry Packages { get; } = new();


    public static async Task<FakeEngine> StartAsync(FakeEngineOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Limits.Http2.MaxStreamsPerConnection = 1000;
        });
        builder.Services.AddGrpc(grpc => grpc.MaxReceiveMessageSize = 64 * 1024 * 1024);
        FakeEngine? engine = null;
        builder.Services.AddSingleton(_ => engine!);
        var app = builder.Build();
        engine = new FakeEngine(app, options);
        app.MapGrpcService<MonitorService>();
        app.MapGrpcService<EngineService>();
        await app.StartAsync();
        var address = app.Urls.Select(u => new Uri(u)).First();
        engine.Address = $"127.0.0.1:{address.Port}";
        return engine;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal void Record(string method, IMessage request)
    {
        var json = JsonNode.Parse(JsonFormatter.Default.Format(request))!.AsObject();
        _calls.Enqueue(new RecordedCall(Interlocked.Increment(ref _sequence), method, json));
    }

    /// <summary>Records a diagnostic the engine would show for <paramref name="urn"/>, as a call named <paramref name="kind"/> {urn}.</summary>
    private void Diagnose(string kind, string urn)
        => _calls.Enqueue(new RecordedCall(Interlocked.Increment(ref _sequence), kind, new JsonObject { ["urn"] = urn }));

    private static JsonObject Inputs(RegisterResourceRequest request)
        => JsonNode.Parse(JsonFormatter.Default.Format(request.Object ?? new Struct()))!.AsObject();

    internal string Urn(string type, string name, string parent)
    {
        // Pulumi's rule: the stack's own type is left out of its children's URNs.
        var parentType = parent.Length == 0 || parent.Contains("::pulumi:pulumi:Stack::", StringComparison.Ordinal)
            ? ""
            : parent.Split("::")[2] + "$";
        return $"urn:pulumi:{Options.Stack}::{Options.Project}::{parentType}{type}::{name}";
    }

    private sealed class MonitorService(FakeEngine engine) : ResourceMonitor.ResourceMonitorBase
    {
        private const string PackageRefFeature = "parameterization";

        /// <summary>
        /// The features the engine reports besides parameterization (source_eval.go <c>supportsFeatureID</c>, with
        /// its defaults: resource references and output values on); any other id is answered false.
        /// </summary>
        private static readonly HashSet<string> EngineFeatures = new(StringComparer.Ordinal)
        {
            "secrets", "resourceReferences", "outputValues", "aliasSpecs", "replacementTrigger", "deletedWith", "replaceWith",
            "transforms", "invokeTransforms", "resourceHooks", "errorHooks", "sendsOptionsToHooks",
        };

        public override Task<SupportsFeatureResponse> SupportsFeature(SupportsFeatureRequest request, ServerCallContext context)
        {
            engine.Record(nameof(SupportsFeature), request);
            var supported = request.Id == PackageRefFeature ? engine.Options.SupportsParameterization : EngineFeatures.Contains(request.Id);
            return Task.FromResult(new SupportsFeatureResponse { HasSupport = supported });
        }

        public override Task<RegisterPackageResponse> RegisterPackage(RegisterPackageRequest request, ServerCallContext context)
        {
            engine.Record(nameof(RegisterPackage), request);
            if (!engine.Options.SupportsParameterization)
            {
                throw new RpcException(new Status(StatusCode.Unimplemented, "unknown method RegisterPackage for service pulumirpc.ResourceMonitor"));
            }

            return Task.FromResult(new RegisterPackageResponse { Ref = engine.Packages.Register(request) });
        }

        public override async Task<RegisterResourceResponse> RegisterResource(RegisterResourceRequest request, ServerCallContext context)
        {
            engine.Record(nameof(RegisterResource), request);
            if (engine.Options.RegistrationDelay > TimeSpan.Zero)
            {
                await Task.Delay(engine.Options.RegistrationDelay, context.CancellationToken);
            }

            var urn = engine.Urn(request.Type, request.Name, request.Parent);
            var isProvider = request.Type.StartsWith("pulumi:providers:", StringComparison.Ordinal);
            if (request.Custom && !isProvider && request.Version.Length > 0 && !StrictSemver.IsValid(request.Version))
            {
                // The engine parses the version before it looks at packageRef (source_eval.go parseProviderRequest).
                throw new RpcException(new Status(StatusCode.Unknown, $"parse provider request: {request.Version} is not a semver version"));
            }

            if (request.PackageRef.Length > 0 && (request.Custom || isProvider))
            {
                // The engine resolves a custom resource's or a provider's package before anything else: a reference it
                // never allocated fails the call, and no step runs (source_eval.go RegisterResource, lookupPackageRef).
                engine.Packages.Lookup(request.PackageRef);
            }

            if (request.Provider.Length > 0 && engine._notDone.ContainsKey(request.Provider[..request.Provider.LastIndexOf("::", StringComparison.Ordinal)]))
            {
                // The engine looks the provider up before anything else; one that failed or was skipped was
                // never configured, so the step generator bails ("unknown provider"), --continue-on-error or not.
                engine.Diagnose("UnknownProvider", urn);
                throw MonitorShutDown();
            }

            var state = engine.Options.State;
            JsonObject? old = null;
            lock (engine._calls)
            {
                state?.TryGetValue(urn, out old);
            }

            var existing = old is not null || engine.Options.ExistingUrns.Contains(urn);
            var inputs = request.Custom ? IgnoreChanges.Apply(old, Inputs(request), request.IgnoreChanges) : [];
            if (request.Custom && engine.Options.Check is { } check && check(request.Type, inputs) is { Count: > 0 } problems)
            {
                // Recorded as a call "CheckFailure" {urn, problems}, the diagnostics the engine would show.
                engine._calls.Enqueue(new RecordedCall(Interlocked.Increment(ref engine._sequence), "CheckFailure", new JsonObject
                {
                    ["urn"] = urn,
                    ["problems"] = new JsonArray([.. problems.Select(p => JsonValue.Create(p))]),
                }));

                // A Check failure makes the resource invalid, which bails even under --continue-on-error; the
                // program's pending call sees the monitor shut down.
                throw MonitorShutDown();
            }

            // The steps of a resource that depends on one that failed or was skipped are not run (the provider
            // is not called); the answer carries the URN and nothing the step would have produced.
            if (engine.Options.ContinueOnError && Dependencies(request).Any(engine._notDone.ContainsKey))
            {
                engine._notDone[urn] = true;
                engine.Diagnose("StepSkipped", urn);
                return Answer(request, new RegisterResourceResponse { Urn = urn, Result = Result.Skip });
            }

            if (engine.Options.Fails?.Invoke(request.Type, request.Name) == true)
            {
                engine.Diagnose("StepFailure", urn);
                if (!engine.Options.ContinueOnError)
                {
                    throw MonitorShutDown();
                }

                // The step's new state as it was before the provider call: an update keeps the old id, a create has none; no outputs.
                engine._notDone[urn] = true;
                return Answer(request, new RegisterResourceResponse { Urn = urn, Id = request.Custom && existing ? request.Name : "", Result = Result.Fail });
            }

            if (request.Custom && state is not null && !engine.Options.DryRun)
            {
                lock (engine._calls)
                {
                    state[urn] = inputs;
                }
            }

            var outputs = inputs.DeepClone().AsObject();
            if (request.Custom && !(engine.Options.DryRun && !existing) && engine.Options.ComputedOutputs?.Invoke(request.Type, inputs) is { } computed)
            {
                foreach (var (key, value) in computed)
                {
                    outputs[key] = value?.DeepClone();
                }
            }

            return new RegisterResourceResponse
            {
                Urn = urn,
                Id = !request.Custom || (engine.Options.DryRun && !existing) ? "" : request.Name,
                Object = request.Custom ? JsonParser.Default.Parse<Struct>(outputs.ToJsonString()) : new Struct(),
            };
        }

        /// <summary>What the engine's step generator counts as the resource's dependencies for skipping (the provider aside).</summary>
        private static IEnumerable<string> Dependencies(RegisterResourceRequest request)
            => new[] { request.Parent }.Concat(request.Dependencies).Concat(request.PropertyDependencies.Values.SelectMany(d => d.Urns)).Where(u => u.Length > 0);

        /// <summary>An SDK that does not report results gets an error instead of FAIL/SKIP (source_eval.go, RegisterResource).</summary>
        private static RegisterResourceResponse Answer(RegisterResourceRequest request, RegisterResourceResponse response)
            => request.SupportsResultReporting ? response : throw new RpcException(new Status(StatusCode.Internal, "resource registration failed"));

        /// <summary>How a registration in flight ends once the engine has cancelled the update.</summary>
        private static RpcException MonitorShutDown()
            => new(new Status(StatusCode.Unavailable, "resource monitor shut down while waiting on step's done channel"));

        public override Task<Empty> RegisterResourceOutputs(RegisterResourceOutputsRequest request, ServerCallContext context)
        {
            engine.Record(nameof(RegisterResourceOutputs), request);
            return Task.FromResult(new Empty());
        }

        public override Task<Empty> SignalAndWaitForShutdown(Empty request, ServerCallContext context)
        {
            engine.Record(nameof(SignalAndWaitForShutdown), request);
            return Task.FromResult(new Empty());
        }
    }

    private sealed class EngineService(FakeEngine engine) : Engine.EngineBase
    {
        public override Task<Empty> Log(LogRequest request, ServerCallContext context)
        {
            engine.Record(nameof(Log), request);
            return Task.FromResult(new Empty());
        }

        public override Task<SetRootResourceResponse> SetRootResource(SetRootResourceRequest request, ServerCallContext context)
        {
            engine.Record(nameof(SetRootResource), request);
            return Task.FromResult(new SetRootResourceResponse());
        }

        public override Task<GetRootResourceResponse> GetRootResource(GetRootResourceRequest request, ServerCallContext context)
        {
            engine.Record(nameof(GetRootResource), request);
            return Task.FromResult(new GetRootResourceResponse());
        }
    }
}

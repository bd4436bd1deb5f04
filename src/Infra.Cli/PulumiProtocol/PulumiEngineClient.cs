using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Infra.Cli.PulumiProtocol.Wire;

namespace Infra.Cli.PulumiProtocol;

/// <summary>
/// The program's side of Pulumi's engine protocol: the resource monitor (registrations, outputs,
/// shutdown) and the engine (log). The only type in the program that touches gRPC; its surface is
/// plain .NET so that the rest of the program never sees a generated type.
/// </summary>
public sealed class PulumiEngineClient : IAsyncDisposable
{
    private readonly GrpcChannel _monitorChannel;
    private readonly GrpcChannel _engineChannel;
    private readonly ResourceMonitor.ResourceMonitorClient _monitor;
    private readonly Wire.Engine.EngineClient _engine;

    private PulumiEngineClient(GrpcChannel monitorChannel, GrpcChannel engineChannel)
    {
        _monitorChannel = monitorChannel;
        _engineChannel = engineChannel;
        _monitor = new ResourceMonitor.ResourceMonitorClient(monitorChannel);
        _engine = new Wire.Engine.EngineClient(engineChannel);
    }

    /// <summary>
    /// Connects to the addresses the language host passes (<c>host:port</c>, plaintext HTTP/2 on loopback).
    /// Several HTTP/2 connections are allowed so thousands of registrations in flight are not capped by
    /// one connection's stream limit.
    /// </summary>
    public static PulumiEngineClient Connect(string monitorAddress, string engineAddress)
    {
        return new PulumiEngineClient(Open(monitorAddress), Open(engineAddress));

        static GrpcChannel Open(string address) => GrpcChannel.ForAddress(
            "http://" + address,
            new GrpcChannelOptions
            {
                HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
                MaxReceiveMessageSize = 64 * 1024 * 1024,
            });
    }

    public async Task<bool> SupportsFeatureAsync(string feature, CancellationToken cancellationToken)
    {
        var answer = await Call(() => _monitor.SupportsFeatureAsync(new SupportsFeatureRequest { Id = feature }, cancellationToken: cancellationToken).ResponseAsync, "SupportsFeature");
        return answer.HasSupport;
    }

    /// <summary>
    /// Registers a resource and waits until the engine has finished its step (the engine's own pacing). A step
    /// that failed without <c>--continue-on-error</c> ends the call with an <see cref="EngineCallException"/>
    /// (the engine cancels the update); with it, the answer's <see cref="RegisteredResource.Result"/> says so.
    /// </summary>
    public async Task<RegisteredResource> RegisterResourceAsync(ResourceRegistration registration, CancellationToken cancellationToken)
    {
        var request = new RegisterResourceRequest
        {
            Type = registration.Type,
            Name = registration.Name,
            Custom = registration.Custom,
            Parent = registration.Parent,
            Object = PropertyValues.ToStruct(registration.Inputs, registration.Special),
            Version = registration.Version,
            PluginDownloadURL = registration.PluginDownloadUrl,
            ImportId = registration.ImportId,
            Provider = registration.Provider,
            AcceptSecrets = true,
            AcceptResources = true,
            SupportsResultReporting = true,
            PackageRef = registration.PackageRef,
        };
        request.Dependencies.AddRange(registration.Dependencies ?? []);
        request.IgnoreChanges.AddRange(registration.IgnoreChanges ?? []);
        request.AliasURNs.AddRange(registration.AliasUrns ?? []);
        request.AdditionalSecretOutputs.AddRange(registration.AdditionalSecretOutputs ?? []);

        var response = await Call(() => _monitor.RegisterResourceAsync(request, cancellationToken: cancellationToken).ResponseAsync, $"registering {registration.Type} '{registration.Name}'");
        // FAIL and SKIP come only under --continue-on-error; the engine has reported the failure and fails the
        // update itself. The .NET SDK does not stop: it resolves what the answer lacks as unknown and goes on,
        // so the resources that do not depend on this one are still registered.
        var result = response.Result switch
        {
            Result.Success => RegistrationResult.Succeeded,
            Result.Skip => RegistrationResult.Skipped,
            _ => RegistrationResult.Failed,
        };
        return new RegisteredResource(response.Urn, response.Id, PropertyValues.FromStruct(response.Object), result);
    }

    /// <summary>
    /// Registers a package and returns the engine's reference for it (<c>RegisterPackage</c>). The engine answers
    /// the same reference for the same request within a run (pulumi/pulumi <c>pkg/resource/deploy/source_eval.go</c>
    /// <c>RegisterPackage</c>); callers go through <see cref="PackageReferences"/>, which asks once.
    /// </summary>
    public async Task<string> RegisterPackageAsync(PackageRegistration package, CancellationToken cancellationToken)
    {
        var response = await Call(() => _monitor.RegisterPackageAsync(PackageRequest(package), cancellationToken: cancellationToken).ResponseAsync, $"registering the package '{package.Parameterization?.Name ?? package.Name}'");
        return response.Ref;
    }

    /// <summary>The wire form of a package registration; internal so the encoding can be tested without an engine.</summary>
    internal static RegisterPackageRequest PackageRequest(PackageRegistration package)
    {
        var request = new RegisterPackageRequest { Name = package.Name, Version = package.Version, DownloadUrl = package.DownloadUrl };
        if (package.Parameterization is { } parameterization)
        {
            request.Parameterization = new Parameterization
            {
                Name = parameterization.Name,
                Version = parameterization.Version,
                Value = Google.Protobuf.ByteString.CopyFrom([.. parameterization.Value]),
            };
        }

        return request;
    }

    public async Task RegisterResourceOutputsAsync(string urn, JsonObject outputs, IReadOnlyDictionary<string, SpecialInput>? special, CancellationToken cancellationToken)
    {
        var request = new RegisterResourceOutputsRequest { Urn = urn, Outputs = PropertyValues.ToStruct(outputs, special) };
        await Call(() => _monitor.RegisterResourceOutputsAsync(request, cancellationToken: cancellationToken).ResponseAsync, "registering the stack's outputs");
    }

    /// <summary>The Node SDK records the stack as the root resource; harmless and useful to engines that read it back.</summary>
    public async Task SetRootResourceAsync(string urn, CancellationToken cancellationToken)
    {
        try
        {
            await _engine.SetRootResourceAsync(new SetRootResourceRequest { Urn = urn }, cancellationToken: cancellationToken);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unimplemented)
        {
            // Older engines: the stack's URN is known from its registration anyway.
        }
        catch (RpcException e)
        {
            throw new EngineCallException($"setting the root resource failed: {e.Status.Detail}", e);
        }
    }

    /// <summary>Tells the engine no more registrations come, and waits until it has run every step.</summary>
    public async Task SignalAndWaitForShutdownAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _monitor.SignalAndWaitForShutdownAsync(new Empty(), cancellationToken: cancellationToken);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unimplemented)
        {
            // CLIs older than 3.181 lack it; for them the program's exit is the signal.
        }
        catch (RpcException e)
        {
            throw new EngineCallException($"waiting for the engine to finish failed: {e.Status.Detail}", e);
        }
    }

    public async Task LogAsync(EngineLogLevel level, string message, string? urn, CancellationToken cancellationToken)
    {
        var request = new LogRequest { Severity = (LogSeverity)(int)level, Message = message, Urn = urn ?? "" };
        await Call(() => _engine.LogAsync(request, cancellationToken: cancellationToken).ResponseAsync, "logging to the engine");
    }

    public ValueTask DisposeAsync()
    {
        _monitorChannel.Dispose();
        _engineChannel.Dispose();
        return ValueTask.CompletedTask;
    }

    private static async Task<T> Call<T>(Func<Task<T>> call, string what)
    {
        try
        {
            return await call();
        }
        catch (RpcException e)
        {
            throw new EngineCallException($"{what}: the engine answered {e.StatusCode}: {e.Status.Detail}", e);
        }
    }
}

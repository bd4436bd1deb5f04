using Infra.Cli.Engine.State;
using Infra.Stacks;
using System.Text.Json.Nodes;
using Infra.Cli.Engine;
using Infra.Sdk;
using Infra.Cli.Port;
using Infra.Tests.Engine.Fakes;
using Moq;
using Infra.Cli.Engine.Contract;

namespace Infra.Tests.Engine;

/// <summary>
/// What the engine must not ask Port to do, verified on the calls themselves: a spy over the
/// in-memory Port records every call the engine makes through <see cref="IPortClient"/>.
/// </summary>
public sealed class PortInteractionTests : IDisposable
{
    private readonly EngineFixture _f = new(stacks: 10);

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task AnIdleRunCallsNoWriteMethodOnThePortClient()
    {
        // Given
        await _f.RunAsync();
        var spy = Spy();

        // When
        await RunAsync(spy.Object);

        // Then
        spy.Verify(p => p.GetAsync(It.IsAny<ResourceKind>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.AtLeastOnce());
        VerifyNoWrite(spy);
    }

    [Fact]
    public async Task AFailedSpaceliftReadCallsNoDelete()
    {
        // Given
        await _f.RunAsync();
        _f.Spacelift.Stacks.RemoveRange(6, 4);
        _f.Spacelift.FailAfterPages = 0;
        var spy = Spy();

        // When
        await RunAsync(spy.Object);

        // Then
        spy.Verify(p => p.DeleteEntitiesAsync(It.IsAny<string>(), It.IsAny<IReadOnlyList<string>>(), It.IsAny<IProgress<EntityWriteResult>?>(), It.IsAny<CancellationToken>()), Times.Never());
        spy.Verify(p => p.DeleteAsync(It.IsAny<ResourceKind>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never());
    }

    private Mock<DelegatingPort> Spy() => new(_f.Port) { CallBase = true };

    private async Task RunAsync(IPortClient port)
    {
        await using var engine = new StackEngine(new SpaceliftIntegration(), _f.Configuration, _f.Services(port), new FileStateStore(_f.StateDir, "dev"), _f.Time);
        var plan = await engine.PlanAsync(Operation.Update, new PlanOptions(false), CancellationToken.None);
        await engine.ApplyAsync(plan, null, CancellationToken.None);
    }

    private static void VerifyNoWrite(Mock<DelegatingPort> spy)
    {
        spy.Verify(p => p.CreateAsync(It.IsAny<ResourceKind>(), It.IsAny<JsonObject>(), It.IsAny<Secret?>(), It.IsAny<CancellationToken>()), Times.Never());
        spy.Verify(p => p.UpdateAsync(It.IsAny<ResourceKind>(), It.IsAny<string>(), It.IsAny<JsonObject>(), It.IsAny<Secret?>(), It.IsAny<CancellationToken>()), Times.Never());
        spy.Verify(p => p.DeleteAsync(It.IsAny<ResourceKind>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never());
        spy.Verify(p => p.UpsertEntitiesAsync(It.IsAny<string>(), It.IsAny<IReadOnlyList<JsonObject>>(), It.IsAny<IProgress<EntityWriteResult>?>(), It.IsAny<CancellationToken>()), Times.Never());
        spy.Verify(p => p.DeleteEntitiesAsync(It.IsAny<string>(), It.IsAny<IReadOnlyList<string>>(), It.IsAny<IProgress<EntityWriteResult>?>(), It.IsAny<CancellationToken>()), Times.Never());
    }
}

namespace Infra.Sdk;

/// <summary>
/// A program in Pulumi's sense: it reads its configuration and its data through what it is handed and
/// declares the resources that should exist. An executor is handed one, the way a Pulumi program is a
/// callback handed to <c>Deployment.RunAsync</c>, so several executors run the same program.
/// </summary>
public interface IStackProgram
{
    /// <summary>
    /// Declares the stack's resources. A refused credential is thrown (the run ends before any write);
    /// a read that fails otherwise is declared, in the <see cref="DataRead"/> of the sets it feeds.
    /// </summary>
    Task<ResourceGraph> DeclareAsync(ProgramContext context, CancellationToken cancellationToken);
}

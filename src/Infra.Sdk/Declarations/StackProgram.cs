namespace Infra.Sdk.Declarations;

/// <summary>
/// A program in Pulumi's sense: a pure function from inputs (configuration and the Spacelift stacks
/// read) to the resources that should exist. An executor is handed one, the way a Pulumi program is
/// a callback handed to <c>Deployment.RunAsync</c>, so several executors can run the same declarations.
/// <see cref="SpaceliftIntegration.Declare"/> is this project's.
/// </summary>
public delegate Declaration StackProgram(IntegrationInputs inputs, IReadOnlyList<SpaceliftStack> stacks);

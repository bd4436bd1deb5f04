namespace Infra.Cli.Engine.Apply;

/// <summary>The engine a plan was made by: each engine holds one, and applies only the plans that carry it.</summary>
internal sealed class PlanOrigin;

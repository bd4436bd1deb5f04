namespace Infra.Cli.Engine.Contract;

/// <summary>What a run is for: <c>up</c> (and <c>preview</c>) plan an update, <c>destroy</c> and <c>refresh</c> their own.</summary>
public enum Operation
{
    Update,
    Destroy,
    Refresh,
}

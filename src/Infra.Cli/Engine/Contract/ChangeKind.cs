namespace Infra.Cli.Engine.Contract;

/// <summary>What a step does to one resource. Symbols and verbs follow Pulumi's step display.</summary>
public enum ChangeKind
{
    Same,
    Create,
    Update,
    Delete,
}

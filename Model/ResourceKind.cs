namespace Infra.Model;

/// <summary>The kinds of Port resource the program manages, in the order <c>up</c> applies them.</summary>
public enum ResourceKind
{
    Blueprint = 0,
    Secret = 1,
    Action = 2,
    Automation = 3,
    Entity = 4,
}

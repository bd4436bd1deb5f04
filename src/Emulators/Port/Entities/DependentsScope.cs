namespace Emulators.Port.Entities;

/// <summary>Which relations make an entity a dependent of the entity it points at, for deletes.</summary>
public enum DependentsScope
{
    /// <summary>
    /// Only required relations (port-docs <c>generalTemplates/_delete_dependents_api_explanation_template.md</c>:
    /// "two blueprints with a required relation ... the delete operation will fail if this flag is set to false").
    /// </summary>
    RequiredRelations,

    /// <summary>Any relation (the OpenAPI's <c>delete_dependents</c>: "delete all entities with a relation to the deleted entity").</summary>
    AnyRelation,
}

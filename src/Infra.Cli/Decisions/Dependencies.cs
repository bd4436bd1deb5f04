using Infra.Sdk;

namespace Infra.Cli.Decisions;

/// <summary>What each node of a graph waits for, the same for both executors.</summary>
public static class Dependencies
{
    /// <summary>
    /// A resource's: what it declares it depends on, the sources of its references (outputs and expiries),
    /// and for an entity its blueprint (and, when its set is known, the sets its relations point into).
    /// </summary>
    public static IEnumerable<ResourceAddress> Of(DesiredResource resource)
    {
        var all = resource.DependsOn.Concat(resource.References.Select(r => r.Source)).Concat(resource.Expiries.Select(e => e.Source));
        return resource.Address.Blueprint is { } blueprint ? all.Append(new ResourceAddress(ResourceKind.Blueprint, blueprint)) : all;
    }

    /// <summary>
    /// An entity set's: its blueprint, the sets (by their <see cref="SetAddress"/>) of the blueprints it names
    /// in <see cref="EntitySet.After"/> or its relations point into, and the secrets whose expiries its
    /// entities' fields are set from.
    /// </summary>
    public static IEnumerable<ResourceAddress> Of(EntitySet set)
        => set.After.Concat(set.Relations.Values).Where(b => b != set.Blueprint).Distinct(StringComparer.Ordinal).Select(SetAddress)
            .Append(set.BlueprintAddress)
            .Concat(set.Entities.SelectMany(e => e.Expiries).Select(e => e.Source).Distinct());

    /// <summary>An entity's in its set: what it declares, its blueprint, and the entities its relations name (<see cref="EntityRelations.Targets"/>).</summary>
    public static IEnumerable<ResourceAddress> Of(DesiredResource entity, EntitySet set)
        => Of(entity).Concat(EntityRelations.Targets(entity.Body, set));

    /// <summary>The address that stands for a whole entity set in an ordering.</summary>
    public static ResourceAddress SetAddress(string blueprint) => new(ResourceKind.Entity, "*", blueprint);
}

namespace Infra.Sdk;

/// <summary>
/// Prunes only part of a set: what a program read covers each group of entities up to a point in time, and
/// entities written later (by someone else: a webhook) are not its to judge. A live entity that is not
/// declared is grouped by the entity its relation <see cref="Relation"/> names: when <see cref="Horizons"/>
/// has that group, the entity may be deleted only if its date property <see cref="DateProperty"/> is at or
/// before the group's horizon (later ones are kept); a group that is not listed is gone, and its entities
/// may all be deleted. An entity without the relation, or without a readable date, is kept: a guess never
/// deletes.
/// </summary>
/// <param name="Relation">The relation that groups the entities (a run's <c>stack</c>).</param>
/// <param name="DateProperty">An ISO 8601 date-time property of the entity (a run's <c>createdAt</c>).</param>
/// <param name="Horizons">Per group (the relation's target identifier), the newest date the read covered.</param>
public sealed record PruneScope(string Relation, string DateProperty, IReadOnlyDictionary<string, DateTimeOffset> Horizons);

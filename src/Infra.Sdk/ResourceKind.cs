using System.Text.Json.Serialization;

namespace Infra.Sdk;

/// <summary>
/// One kind of resource a program can declare, as a Pulumi resource type is known by its SDK: its type
/// token, the service it lives in, its identifier field, and what its bodies mean for a diff (the fields
/// its service fills in on its own, sets that are unordered, a write-only value). Where a kind lives in
/// its service's API (REST routes, GraphQL documents) is the client's to know, and its Pulumi provider
/// inputs are Pulumi mode's. Each kind is declared in its own file under <c>Kinds/</c>; <see cref="All"/>
/// lists them. Plain data: no I/O, so the program, both executors and the clients can all depend on it.
/// </summary>
[JsonConverter(typeof(ResourceKindJsonConverter))]
public sealed partial class ResourceKind
{
    /// <summary>Fields every Port resource carries that only the server writes.</summary>
    public static IReadOnlyList<string> CommonServerFields { get; } = ["id", "createdAt", "createdBy", "updatedAt", "updatedBy"];

    private ResourceKind()
    {
    }

    /// <summary>Every kind a program can declare. Order means nothing: dependencies order a graph.</summary>
    // A property, not a field: the kinds are initialised in other files of this partial class.
    public static IReadOnlyList<ResourceKind> All => [Blueprint, Secret, Action, ActionPermissions, Automation, Entity, Webhook, SpaceliftWebhook, SpaceliftPolicy];

    /// <summary>The kind's name in the state file and in messages.</summary>
    public required string Name { get; init; }

    /// <summary>The Pulumi Port provider's type token, so output reads like Pulumi's.</summary>
    public required string TypeToken { get; init; }

    /// <summary>
    /// The kind whose resource (same identifier) this one is a part of: it exists exactly when that one
    /// does, so it is created by an update and deleted with it (no request of its own), and it belongs to
    /// that resource's owner. Null for resources of their own.
    /// </summary>
    // Looked up by name, once: the kinds are initialised in several files, in no guaranteed order, and
    // this is read for every planned change.
    public ResourceKind? LivesIn => LivesInKind is null ? null : _livesIn ??= Named(LivesInKind);

    private ResourceKind? _livesIn;

    /// <summary>The <see cref="Name"/> of <see cref="LivesIn"/>.</summary>
    public string? LivesInKind { get; init; }

    /// <summary>Every array in the kind's bodies is a set (Port's role, team and user lists): order is not a difference.</summary>
    public bool UnorderedArrays { get; init; }

    /// <summary>The body field that holds the resource's identifier.</summary>
    public string IdentifierField { get; init; } = "identifier";

    /// <summary>
    /// The field of a value Port accepts but never returns (a secret's value). Null for every kind but
    /// secrets: see <see cref="Secret"/> for what that special case implies.
    /// </summary>
    public string? WriteOnlyValueField { get; init; }

    /// <summary>Only these fields of a live body are compared (all when null).</summary>
    public IReadOnlyList<string>? ComparedFields { get; init; }

    /// <summary>Fields of this kind, beyond <see cref="CommonServerFields"/>, that Port adds on its own.</summary>
    public IReadOnlyList<string> ServerFields { get; init; } = [];

    /// <summary>
    /// Fields people set in the service that a declared body may leave out (an entity's <c>team</c>): when the
    /// program does not declare one, the executor keeps the value the service has instead of clearing it.
    /// </summary>
    public IReadOnlyList<string> KeptFields { get; init; } = [];

    /// <summary>Fields Port fills with a default when a body leaves them out; equal to the default means absent.</summary>
    public IReadOnlyList<ServerDefault> ServerDefaults { get; init; } = [];

    /// <summary>The API the kind lives in (Port unless said otherwise).</summary>
    public ResourceService Service { get; init; } = ResourceService.Port;

    /// <summary>The owner mark (and a fingerprint) go in <c>labels</c>: the kind has no description.</summary>
    public bool MarksInLabels { get; init; }

    /// <summary>Where the kind carries the live-update webhook secret; null for every other kind.</summary>
    public SharedSecretField? SharedSecret { get; init; }

    /// <summary>Entities: declared in sets per blueprint, read with the blueprint-scoped search and written in bulk.</summary>
    public bool BulkPerBlueprint { get; init; }

    public bool HasWriteOnlyValue => WriteOnlyValueField is not null;

    /// <summary>The kind with the given <see cref="Name"/>, or null.</summary>
    public static ResourceKind? Named(string name) => All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.Ordinal));

    public override string ToString() => Name;
}

using System.Text.Json.Serialization;

namespace Infra.Sdk;

/// <summary>
/// Everything the program knows about one kind of Port resource, in one place: its Pulumi type token,
/// its REST routes and envelope key, how it is written, where it sits in the apply order (deletions
/// run in reverse), and which fields Port fills in on its own so they never count as a difference.
/// The client, the planner and the apply step read these descriptors and never switch on a kind.
/// Each kind is declared in its own file under <c>src/Infra.Sdk/Kinds/</c>; <see cref="All"/> lists them.
/// Plain data: no I/O, so declarations, engine and client can all depend on it.
/// </summary>
[JsonConverter(typeof(ResourceKindJsonConverter))]
public sealed partial class ResourceKind
{
    /// <summary>Fields every Port resource carries that only the server writes.</summary>
    public static IReadOnlyList<string> CommonServerFields { get; } = ["id", "createdAt", "createdBy", "updatedAt", "updatedBy"];

    private ResourceKind()
    {
    }

    /// <summary>Every kind the program manages, in apply order.</summary>
    // A property, not a field: the kinds are initialised in other files of this partial class.
    public static IReadOnlyList<ResourceKind> All => [Blueprint, Secret, Action, ActionPermissions, Automation, Entity, Webhook, SpaceliftWebhook, SpaceliftPolicy];

    /// <summary>The kind's name in the state file and in messages.</summary>
    public required string Name { get; init; }

    /// <summary>The Pulumi Port provider's type token, so output reads like Pulumi's.</summary>
    public required string TypeToken { get; init; }

    /// <summary>Position in the apply order (lower first); deletions of resources run in reverse.</summary>
    public required int Order { get; init; }

    /// <summary>
    /// The REST collection, relative to the base URL: POST creates there, one resource lives at
    /// <c>{Collection}/{id}</c>. Null for kinds written in bulk per blueprint (entities).
    /// </summary>
    public string? Collection { get; init; }

    /// <summary>
    /// A route below the item, for kinds that are a part of another resource: one resource then lives at
    /// <c>{Collection}/{id}/{ItemSuffix}</c> (an action's permissions). Null for every other kind.
    /// </summary>
    public string? ItemSuffix { get; init; }

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

    /// <summary>The key of the resource object in Port's answer envelope.</summary>
    public required string EnvelopeKey { get; init; }

    /// <summary>The body field that holds the resource's identifier.</summary>
    public string IdentifierField { get; init; } = "identifier";

    /// <summary>
    /// How an existing resource is changed. PUT replaces the whole body; PATCH sends only the fields to
    /// change, without the identifier (Port rejects it there).
    /// </summary>
    public HttpMethod UpdateMethod { get; init; } = HttpMethod.Put;

    /// <summary>
    /// The field of a value Port accepts but never returns (a secret's value). Null for every kind but
    /// secrets: see <see cref="Secret"/> for what that special case implies.
    /// </summary>
    public string? WriteOnlyValueField { get; init; }

    /// <summary>Only these fields of a live body are compared (all when null).</summary>
    public IReadOnlyList<string>? ComparedFields { get; init; }

    /// <summary>Fields of this kind, beyond <see cref="CommonServerFields"/>, that Port adds on its own.</summary>
    public IReadOnlyList<string> ServerFields { get; init; } = [];

    /// <summary>Fields Port fills with a default when a body leaves them out; equal to the default means absent.</summary>
    public IReadOnlyList<ServerDefault> ServerDefaults { get; init; } = [];

    /// <summary>
    /// Turns a REST body of this kind into the Pulumi Port provider's inputs, for executors that drive
    /// Pulumi. Null until a renderer is written for the kind.
    /// </summary>
    public IProviderInputsRenderer? ProviderInputs { get; init; }

    /// <summary>The API the kind lives in (Port unless said otherwise).</summary>
    public ResourceService Service { get; init; } = ResourceService.Port;

    /// <summary>For Spacelift kinds: the GraphQL documents that read and write them.</summary>
    public SpaceliftDocuments? Spacelift { get; init; }

    /// <summary>The owner mark (and a fingerprint) go in <c>labels</c>: the kind has no description.</summary>
    public bool MarksInLabels { get; init; }

    /// <summary>Where the kind carries the live-update webhook secret; null for every other kind.</summary>
    public SharedSecretField? SharedSecret { get; init; }

    /// <summary>Entities: read with the blueprint-scoped search and written in bulk per blueprint.</summary>
    public bool BulkPerBlueprint => Collection is null && Service == ResourceService.Port;

    public bool HasWriteOnlyValue => WriteOnlyValueField is not null;

    /// <summary>The kind with the given <see cref="Name"/>, or null.</summary>
    public static ResourceKind? Named(string name) => All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.Ordinal));

    public override string ToString() => Name;
}

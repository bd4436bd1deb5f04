using System.Text.Json.Nodes;
using Emulators.Port.Entities;
using Emulators.Port.Runs;
using Emulators.Port.Secrets;
using Emulators.Port.Webhooks;
using Emulators.Unknowns;

namespace Emulators.Port;

/// <summary>
/// The whole in-memory organisation. Every read and write holds <see cref="Gate"/>: requests are short
/// and in memory, so one lock keeps cross-collection rules (dependents, relations) simple and correct.
/// </summary>
internal sealed class Organisation(PortEmulatorOptions options)
{
    public Lock Gate { get; } = new();

    public Dictionary<string, Blueprints.BlueprintRecord> Blueprints { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, JsonObject> Actions { get; } = new(StringComparer.Ordinal);

    /// <summary>Only actions whose permissions were changed; the others have the defaults.</summary>
    public Dictionary<string, JsonObject> ActionPermissions { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SecretRecord> Secrets { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, RunRecord> Runs { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, JsonObject> Migrations { get; } = new(StringComparer.Ordinal);

    /// <summary>Webhook data sources by identifier, as stored (the secret included; see Webhooks/).</summary>
    public Dictionary<string, JsonObject> Webhooks { get; } = new(StringComparer.Ordinal);

    /// <summary>What the webhook ingest did with each event (not persisted).</summary>
    public AuditLog Audit { get; } = new();

    private string? _person;

    /// <summary>Who Port records as the author of a change: the organisation's credentials, or the person making it in the UI.</summary>
    public string Actor => _person ?? RecordedAuthor.Of(options.ClientId, options.Author);

    /// <summary>Changes made while this is held (with <see cref="Gate"/>) are recorded as <paramref name="userId"/>'s, as Port records an edit in its UI.</summary>
    public Person ActingAs(string userId)
    {
        _person = userId;
        return new Person(this);
    }

    public readonly struct Person(Organisation organisation) : IDisposable
    {
        public void Dispose() => organisation._person = null;
    }

    /// <summary>ISO-8601 UTC with milliseconds, as Port writes its meta fields.</summary>
    public string Now() => options.Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public EntityCollection? EntitiesOf(string blueprint) => Blueprints.TryGetValue(blueprint, out var record) ? record.Entities : null;

    public void Stamp(JsonObject resource, JsonObject? previous)
    {
        var now = Now();
        resource["createdAt"] = previous?["createdAt"]?.DeepClone() ?? now;
        resource["createdBy"] = previous?["createdBy"]?.DeepClone() ?? Actor;
        resource["updatedAt"] = now;
        resource["updatedBy"] = Actor;
    }
}

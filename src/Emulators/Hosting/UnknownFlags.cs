using System.Globalization;
using Emulators.Unknowns;

namespace Emulators.Hosting;

/// <summary>
/// The command-line flags of the switches in <see cref="EmulatorOptions"/> for behaviours the public
/// sources leave open (docs/unknowns.md). Flags apply in order, so <c>--unknowns inconvenient
/// --port-team-ids names</c> is the preset but for one switch.
/// </summary>
internal static class UnknownFlags
{
    public const string Help =
        """
        Behaviours the public sources leave open (docs/unknowns.md); each default is the first value:
          --unknowns convenient|inconvenient
                                      every switch below at its default, or at its less convenient answer;
                                      also the catalogue's --port-self-relation-on-create refuse,
                                      --port-bulk-relations snapshot, --port-delete-dependents any,
                                      --port-dangling-relations keep, --port-aggregation-refresh 900,
                                      --port-search-query-flags ignore, --spaces-order children-first,
                                      --runs-page-size 3, --max-run-lists 1, and the renewal loop's timer
                                      and UPSERT_ENTITY switches
          --port-webhook-secret returned|omitted|masked
                                      what Port answers in a webhook's security.secret
          --port-team-ids names|distinct
                                      whether Port's team identifiers are the team names
          --port-mapping-operation-string accept|refuse
                                      whether a webhook mapping's operation may be "create"/"delete"
                                      rather than {"type": ...}
          --port-author client-id|clients|owner
                                      what Port records in createdBy/updatedBy for the credentials'
                                      writes: the client id, <client id>@clients, or their owner's user id
          --spacelift-absent-read null|not-found|stacks-null
                                      what reading an absent id answers: null, the error "not found",
                                      or null for stack and "not found" for the others
          --spacelift-ids slug|suffixed
                                      named webhook and policy ids: the slug of the name, or slug-ULID
          --spacelift-page-cap N      the largest searchStacks page (default 100)
          --spacelift-oversized-page clamp|error
                                      what a larger 'first' gets
          --spacelift-wrong-secret error|null
                                      apiKeyUser with a wrong secret: null with "unauthorized", or null alone

        """;

    private static readonly string[] Flags =
    [
        "--unknowns", "--port-webhook-secret", "--port-team-ids", "--port-mapping-operation-string", "--port-author", "--spacelift-absent-read",
        "--spacelift-ids", "--spacelift-page-cap", "--spacelift-oversized-page", "--spacelift-wrong-secret",
    ];

    public static bool Handles(string flag) => Flags.Contains(flag, StringComparer.Ordinal);

    /// <exception cref="EmulatorUsageException">The value is not one the flag takes; the message lists them.</exception>
    public static EmulatorOptions Apply(EmulatorOptions options, string flag, string value) => flag switch
    {
        "--unknowns" => options.WithUnknowns(Choose(flag, value, ("convenient", UnknownsPreset.Convenient), ("inconvenient", UnknownsPreset.Inconvenient))),
        "--port-webhook-secret" => options with
        {
            PortWebhookSecret = Choose(flag, value, ("returned", WebhookSecretOnRead.Returned), ("omitted", WebhookSecretOnRead.Omitted), ("masked", WebhookSecretOnRead.Masked)),
        },
        "--port-team-ids" => options with { PortTeamIdentifiers = Choose(flag, value, ("names", TeamIdentifiers.Names), ("distinct", TeamIdentifiers.Distinct)) },
        "--port-mapping-operation-string" => options with
        {
            PortMappingOperationString = Choose(flag, value, ("accept", MappingOperationString.Accepted), ("refuse", MappingOperationString.Refused)),
        },
        "--port-author" => options with
        {
            PortAuthor = Choose(flag, value, ("client-id", AuthorRecord.ClientId), ("clients", AuthorRecord.MachineSubject), ("owner", AuthorRecord.CredentialsOwner)),
        },
        "--spacelift-absent-read" => options with
        {
            SpaceliftAbsentRead = Choose(flag, value, ("null", AbsentRead.Null), ("not-found", AbsentRead.NotFoundError), ("stacks-null", AbsentRead.StacksNullOthersNotFound)),
        },
        "--spacelift-ids" => options with { SpaceliftIds = Choose(flag, value, ("slug", GeneratedIds.Slug), ("suffixed", GeneratedIds.SlugWithSuffix)) },
        "--spacelift-page-cap" => options with { SpaceliftPageCap = PageCap(flag, value) },
        "--spacelift-oversized-page" => options with { SpaceliftOversizedPage = Choose(flag, value, ("clamp", OversizedPage.Clamp), ("error", OversizedPage.Error)) },
        "--spacelift-wrong-secret" => options with { SpaceliftWrongSecretIsError = Choose(flag, value, ("error", true), ("null", false)) },
        _ => throw new ArgumentException($"{flag} is not a switch flag", nameof(flag)),
    };

    private static T Choose<T>(string flag, string value, params (string Name, T Value)[] choices)
    {
        foreach (var (name, choice) in choices)
        {
            if (string.Equals(name, value, StringComparison.OrdinalIgnoreCase))
            {
                return choice;
            }
        }

        throw new EmulatorUsageException($"{flag} '{value}' is not one of {string.Join(", ", choices.Select(c => c.Name))}");
    }

    private static int PageCap(string flag, string value)
        => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var cap) && cap >= 1
            ? cap
            : throw new EmulatorUsageException($"{flag} '{value}' is not a whole number of at least 1");
}

using System.Globalization;
using System.Text.Json.Nodes;
using Infra.Sdk;

namespace Infra.Stacks;

/// <summary>
/// The self-renewing token, declared: Port renews <c>SPACELIFT_TOKEN</c> itself, with nothing running
/// outside it. A lease entity (one per token, in a blueprint of its own) holds a timer property set to the
/// token's <c>validUntil</c> less the margin; when it expires, an automation exchanges the API key for a
/// new token (the guide's refresh query); on that run's success one automation writes the token into the
/// secret (as the guide's automation does, with the same description <c>up</c> writes) and another sets
/// the timer again from the new <c>validUntil</c>; on its failure a third marks the lease FAILED with the
/// reason and sets no timer, so a refused key stops the loop after one failed renewal, visibly. A click on
/// the guide's refresh button sets the timer from the token it wrote, too. <c>up</c> arms the timer from
/// the token it mints (an <see cref="ExpiryReference"/>), and mints one only when the token is within the
/// margin of its expiry: when the loop has stopped.
/// </summary>
/// <remarks>
/// Port's documentation for each part, port-docs at 4893974: the timer property,
/// <c>…/setup-blueprint/properties/timer.md</c>; the <c>TIMER_PROPERTY_EXPIRED</c> and <c>RUN_UPDATED</c>
/// triggers and their event data, <c>docs/actions-and-automations/define-automations/setup-trigger.md</c>;
/// templates over <c>.event</c>, <c>setup-action.md</c>; the <c>UPSERT_ENTITY</c> backend,
/// <c>docs/actions-and-automations/setup-backend/create-update-entity/create-update-entity.md</c>; a webhook
/// to Port's own API without credentials, <c>setup-backend/webhook/webhook.md</c> ("Trigger Port API").
/// Port's OpenAPI: <c>/v1/actions</c> trigger "Automation", event "Timer property expired", invocation
/// "Upsert Entity". What the sources leave open is in docs/unknowns.md ("The self-renewing token").
/// </remarks>
public static class TokenRenewalLoop
{
    public const string Timer = "renew_at";
    public const string ValidUntil = "valid_until";
    public const string Status = "renewal_status";
    public const string Error = "renewal_error";
    public const string Renewed = "RENEWED";

    /// <summary>Where the renew run's answer (Spacelift's <c>apiKeyUser</c>) is, in a <c>RUN_UPDATED</c> automation's templates.</summary>
    private const string Answer = ".event.diff.after.response.data.apiKeyUser";

    /// <summary>How close to its expiry <c>up</c> mints the token: the rotation window, or with the loop on its margin (the loop renews it before).</summary>
    public static TimeSpan RenewWithin(IntegrationInputs inputs) => inputs.RenewalLoop?.Margin ?? inputs.TokenRenewal;

    public static RenewalLoopDeclaration Declare(
        IntegrationInputs inputs,
        RenewalLoop loop,
        ResourceAddress token,
        ResourceAddress refresh,
        IReadOnlyList<ResourceAddress> keySecrets)
    {
        var names = new RenewalLoopNames(inputs.Names);
        var blueprint = new ResourceAddress(ResourceKind.Blueprint, names.Blueprint);
        var renew = new ResourceAddress(ResourceKind.Automation, names.Renew);
        var lease = new ResourceAddress(ResourceKind.Entity, names.Lease, names.Blueprint);
        DesiredResource[] resources =
        [
            new(blueprint, LeaseBlueprint(inputs)),
            // Its event names the lease's blueprint; its body reads the key secrets.
            new(renew, RenewAutomation(inputs)) { DependsOn = [blueprint, .. keySecrets] },
            // Each runs on the renewal's run; the first writes the token secret, the others the lease.
            new(new ResourceAddress(ResourceKind.Automation, names.Store), StoreAutomation(inputs)) { DependsOn = [renew, token] },
            new(new ResourceAddress(ResourceKind.Automation, names.Rearm), RearmAutomation(inputs, loop, names.Renew, names.Rearm, "Set Next Spacelift Token Renewal")) { DependsOn = [renew, blueprint] },
            new(new ResourceAddress(ResourceKind.Automation, names.Failed), FailedAutomation(inputs)) { DependsOn = [renew, blueprint] },
            new(new ResourceAddress(ResourceKind.Automation, names.RefreshRearm), RearmAutomation(inputs, loop, inputs.Names.RefreshAction, names.RefreshRearm, "Set Spacelift Token Renewal After Refresh")) { DependsOn = [refresh, blueprint] },
        ];
        var entity = new DesiredResource(lease, LeaseEntity(inputs))
        {
            Expiries =
            [
                new ExpiryReference(["properties", Timer], token, loop.Margin)
                {
                    Advice = $"set infra:tokenRenewalMarginMinutes below the token's lifetime (it is {Minutes(loop.Margin)} minutes)",
                },
                new ExpiryReference(["properties", ValidUntil], token, TimeSpan.Zero),
            ],
        };
        return new RenewalLoopDeclaration(
            resources,
            new EntitySet(names.Blueprint, [entity], new DataRead("infra", "token leases", 1)),
            new LiveCheck([lease, token], (live, now) => TokenLeaseCheck.Judge(inputs, live[0], live[1], now, lease)),
            Outputs(inputs, names));
    }

    public static JsonObject LeaseBlueprint(IntegrationInputs inputs) => new()
    {
        ["identifier"] = new RenewalLoopNames(inputs.Names).Blueprint,
        ["title"] = inputs.Names.Title("Spacelift Token Lease", inputs.SpaceliftEndpoint),
        ["description"] = inputs.Marked($"When Port renews {inputs.Names.TokenSecret} next, and how its last renewal went"),
        ["schema"] = new JsonObject
        {
            ["properties"] = new JsonObject
            {
                [Timer] = new JsonObject { ["type"] = "string", ["format"] = "timer", ["title"] = "Renew at" },
                [ValidUntil] = new JsonObject { ["type"] = "string", ["format"] = "date-time", ["title"] = "Token valid until" },
                [Status] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(Renewed, VerifyOutputs.TokenLeaseFailed), ["title"] = "Last renewal" },
                [Error] = new JsonObject { ["type"] = "string", ["title"] = "Last renewal error" },
            },
            ["required"] = new JsonArray(),
        },
        ["mirrorProperties"] = new JsonObject(),
        ["calculationProperties"] = new JsonObject(),
        ["aggregationProperties"] = new JsonObject(),
        ["relations"] = new JsonObject(),
    };

    /// <summary>
    /// The lease as <c>up</c> writes it: its two times come from the token's expiry (filled in by the
    /// executor), and the error is cleared, so a lease <c>up</c> re-armed after a failure reads as healthy.
    /// </summary>
    public static JsonObject LeaseEntity(IntegrationInputs inputs) => new()
    {
        ["identifier"] = inputs.Names.TokenSecret,
        ["title"] = inputs.Names.TokenSecret,
        ["properties"] = new JsonObject
        {
            [Status] = Renewed,
            [Error] = null,
        },
        ["relations"] = new JsonObject(),
    };

    /// <summary>On the lease's timer: the guide's refresh query (with <c>validUntil</c>), sent by Port itself.</summary>
    public static JsonObject RenewAutomation(IntegrationInputs inputs)
    {
        var names = new RenewalLoopNames(inputs.Names);
        return new JsonObject
        {
            ["identifier"] = names.Renew,
            ["title"] = inputs.Names.Title("Renew Spacelift Token", inputs.SpaceliftEndpoint),
            ["description"] = inputs.Marked($"When the lease's timer expires, exchanges the Spacelift API key for a new token"),
            ["trigger"] = new JsonObject
            {
                ["type"] = "automation",
                ["event"] = new JsonObject
                {
                    ["type"] = "TIMER_PROPERTY_EXPIRED",
                    ["blueprintIdentifier"] = names.Blueprint,
                    ["propertyIdentifier"] = Timer,
                },
            },
            ["invocationMethod"] = Webhook(
                inputs.SpaceliftGraphQlUrl,
                "POST",
                new JsonObject { ["Content-Type"] = "application/json" },
                new JsonObject
                {
                    ["query"] = "mutation RenewSpaceliftToken($id: ID!, $secret: String!) { apiKeyUser(id: $id, secret: $secret) { jwt validUntil } }",
                    ["variables"] = new JsonObject
                    {
                        ["id"] = "{{ .secrets." + inputs.Names.ApiKeyIdSecret + " }}",
                        ["secret"] = "{{ .secrets." + inputs.Names.ApiKeySecretSecret + " }}",
                    },
                }),
            ["publish"] = true,
        };
    }

    /// <summary>
    /// A renewal that gave a token: write it into the secret through Port's own API (no credentials: Port
    /// adds its own), with the description <c>up</c> writes (owner mark, <c>validUntil</c>, and the writer
    /// mark of the executor that declared it), so the next plan reads it as a token it could have written.
    /// </summary>
    public static JsonObject StoreAutomation(IntegrationInputs inputs)
    {
        var names = new RenewalLoopNames(inputs.Names);
        var description = inputs.Marked(ResourceNames.ManagedSecretDescription) + SecretRecord.ValidUntilTemplate(Answer + ".validUntil");
        return new JsonObject
        {
            ["identifier"] = names.Store,
            ["title"] = inputs.Names.Title("Store Renewed Spacelift Token", inputs.SpaceliftEndpoint),
            ["description"] = inputs.Marked($"Writes the token {names.Renew} received into {inputs.Names.TokenSecret}"),
            ["trigger"] = RunUpdated(names.Renew, Succeeded, "and"),
            ["invocationMethod"] = Webhook(
                inputs.TokenSecretUrl,
                "PATCH",
                new JsonObject(),
                new JsonObject
                {
                    ["secretValue"] = "{{ " + Answer + ".jwt }}",
                    ["description"] = inputs.SecretWriter is { } writer ? SecretRecord.WithWriter(description, writer) : description,
                }),
            ["publish"] = true,
        };
    }

    /// <summary>A run of <paramref name="action"/> that gave a token: set the lease's timer the margin before its <c>validUntil</c>.</summary>
    public static JsonObject RearmAutomation(IntegrationInputs inputs, RenewalLoop loop, string action, string identifier, string title)
    {
        var names = new RenewalLoopNames(inputs.Names);
        var seconds = ((long)loop.Margin.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["identifier"] = identifier,
            ["title"] = inputs.Names.Title(title, inputs.SpaceliftEndpoint),
            ["description"] = inputs.Marked($"Sets the lease's timer from the validUntil of the token {action} received"),
            ["trigger"] = RunUpdated(action, Succeeded, "and"),
            ["invocationMethod"] = UpsertLease(inputs, names, new JsonObject
            {
                [Timer] = $"{{{{ ({Answer}.validUntil - {seconds}) | todate }}}}",
                [ValidUntil] = $"{{{{ {Answer}.validUntil | todate }}}}",
                [Status] = Renewed,
                [Error] = null,
            }),
            ["publish"] = true,
        };
    }

    /// <summary>A renewal that failed or gave no token: say so on the lease, and set no timer.</summary>
    public static JsonObject FailedAutomation(IntegrationInputs inputs)
    {
        var names = new RenewalLoopNames(inputs.Names);
        return new JsonObject
        {
            ["identifier"] = names.Failed,
            ["title"] = inputs.Names.Title("Record Failed Spacelift Token Renewal", inputs.SpaceliftEndpoint),
            ["description"] = inputs.Marked($"Marks the lease {VerifyOutputs.TokenLeaseFailed} with the reason when {names.Renew} got no token"),
            ["trigger"] = RunUpdated(
                names.Renew,
                [
                    ".diff.after.status == \"FAILURE\"",
                    // Spacelift refuses a key with HTTP 200 and apiKeyUser: null, which Port marks SUCCESS.
                    $".diff.after.status == \"SUCCESS\" and ({Condition}.jwt == null or {Condition}.validUntil == null)",
                ],
                "or"),
            ["invocationMethod"] = UpsertLease(inputs, names, new JsonObject
            {
                [Status] = VerifyOutputs.TokenLeaseFailed,
                [Error] = "{{ .event.diff.after.summary // .event.diff.after.response.errors[0].message // \"Spacelift answered no token\" }}",
            }),
            ["publish"] = true,
        };
    }

    private const string Condition = ".diff.after.response.data.apiKeyUser";

    private static readonly string[] Succeeded =
    [
        ".diff.after.status == \"SUCCESS\"",
        Condition + ".jwt != null",
        Condition + ".validUntil != null",
    ];

    private static JsonObject RunUpdated(string action, IEnumerable<string> expressions, string combinator) => new()
    {
        ["type"] = "automation",
        ["event"] = new JsonObject { ["type"] = "RUN_UPDATED", ["actionIdentifier"] = action },
        ["condition"] = new JsonObject
        {
            ["type"] = "JQ",
            ["expressions"] = new JsonArray([.. expressions.Select(e => (JsonNode?)JsonValue.Create(e))]),
            ["combinator"] = combinator,
        },
    };

    private static JsonObject UpsertLease(IntegrationInputs inputs, RenewalLoopNames names, JsonObject properties) => new()
    {
        ["type"] = "UPSERT_ENTITY",
        ["blueprintIdentifier"] = names.Blueprint,
        ["mapping"] = new JsonObject
        {
            ["identifier"] = names.Lease,
            ["title"] = inputs.Names.TokenSecret,
            ["properties"] = properties,
        },
    };

    private static JsonObject Webhook(string url, string method, JsonObject headers, JsonObject body) => new()
    {
        ["type"] = "WEBHOOK",
        ["url"] = url,
        ["agent"] = false,
        ["synchronized"] = true,
        ["method"] = method,
        ["headers"] = headers,
        ["body"] = body,
    };

    /// <summary>What verify looks up to prove the loop (<see cref="VerifyOutputs"/>).</summary>
    private static List<ProgramOutput> Outputs(IntegrationInputs inputs, RenewalLoopNames names) =>
    [
        new ProgramOutput.Text(VerifyOutputs.TokenRenewal, names.Renew),
        new ProgramOutput.Text(VerifyOutputs.TokenLeaseBlueprint, names.Blueprint),
        new ProgramOutput.Text(VerifyOutputs.TokenLease, names.Lease),
        new ProgramOutput.Text(VerifyOutputs.TokenLeaseTimer, Timer),
        new ProgramOutput.Text(VerifyOutputs.TokenLeaseStatus, Status),
        new ProgramOutput.Text(VerifyOutputs.TokenLeaseError, Error),
    ];

    private static string Minutes(TimeSpan span) => ((long)span.TotalMinutes).ToString(CultureInfo.InvariantCulture);
}

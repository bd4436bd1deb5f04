using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Infra.Cli.Config;
using Infra.Sdk;
using Infra.Sdk.Spacelift;
using Infra.Cli.Http;

namespace Infra.Cli.Spacelift;

/// <summary>
/// Spacelift's GraphQL API. Holds one JWT, minted from the API key on first use and again when it is
/// within 30 s of <c>validUntil</c> (spacectl's margin) or when Spacelift stops accepting it.
/// </summary>
public sealed partial class SpaceliftClient : ISpaceliftClient
{
    /// <summary>A million stacks; past this the paging is assumed broken rather than long.</summary>
    internal const int MaxPages = 10_000;

    // 9999-12-31T23:59:59Z, the last second DateTimeOffset can hold.
    private const double MaxUnixSeconds = 253_402_300_799;

    private static readonly TimeSpan RenewalMargin = TimeSpan.FromSeconds(30);

    private readonly SpaceliftSettings _settings;
    private readonly GraphQlConnection _connection;
    private readonly SecretMasker _scrubber;
    private readonly TokenCache<SpaceliftToken> _tokens;

    private SpaceliftClient(SpaceliftSettings settings, GraphQlConnection connection, SecretMasker scrubber, ClientStatistics statistics, TimeProvider time)
    {
        _settings = settings;
        _connection = connection;
        _scrubber = scrubber;
        Statistics = statistics;
        _tokens = new TokenCache<SpaceliftToken>(MintAsync, token => token.ValidUntil - RenewalMargin, time);
    }

    /// <summary>Request, retry and pacing counters (<see cref="ClientOptions.Statistics"/> when given).</summary>
    public ClientStatistics Statistics { get; }

    public static ISpaceliftClient Create(SpaceliftSettings settings, ClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var statistics = options.Statistics ?? new ClientStatistics();
        var scrubber = new SecretMasker();
        scrubber.Add(settings.ApiKeySecret.Reveal());
        // An identifier shown in clear, even when the secret has the same value.
        scrubber.Allow(settings.ApiKeyId);
        var connection = new GraphQlConnection(settings.GraphQlUrl, new ResilientSender(options, statistics, "Spacelift"), scrubber);
        return new SpaceliftClient(settings, connection, scrubber, statistics, options.EffectiveTime);
    }

    public async Task ProveKeyAsync(CancellationToken cancellationToken) => await _tokens.GetAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Always mints a new token; listing uses it from then on.</summary>
    public Task<SpaceliftToken> MintTokenAsync(CancellationToken cancellationToken) => _tokens.FetchNewAsync(cancellationToken);

    public async IAsyncEnumerable<IReadOnlyList<SpaceliftStack>> ListStacksAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reminted = false;
        var cursors = new HashSet<string>(StringComparer.Ordinal);
        string? after = null;
        var page = 1;
        while (page <= MaxPages)
        {
            var operation = $"searchStacks page {page}";
            var token = await _tokens.GetAsync(cancellationToken).ConfigureAwait(false);
            var answer = await _connection.ExecuteAsync(
                operation, SpaceliftQueries.SearchStacks, SearchVariables(after), token.Jwt.Reveal(), RequestKind.Read, cancellationToken).ConfigureAwait(false);
            if (StackPageReader.Read(answer, operation) is not { } stacks)
            {
                // The token expired early or was revoked: mint one more. A fresh token refused too
                // means the key itself is not allowed, and retrying further would not change that.
                if (reminted)
                {
                    throw SpaceliftAuthenticationException.TokenRejected(operation, _settings.ApiKeyId);
                }

                reminted = true;
                Statistics.CountTokenRefresh();
                await _tokens.RenewAsync(token, cancellationToken).ConfigureAwait(false);
                continue;
            }

            yield return stacks.Stacks;
            if (!stacks.HasNextPage)
            {
                yield break;
            }

            if (string.IsNullOrEmpty(stacks.EndCursor) || !cursors.Add(stacks.EndCursor))
            {
                throw new SpaceliftException(
                    $"Spacelift {operation}: hasNextPage is true but endCursor is {(string.IsNullOrEmpty(stacks.EndCursor) ? "empty" : "one already seen")}; the listing cannot continue");
            }

            after = stacks.EndCursor;
            page++;
        }

        throw new SpaceliftException($"Spacelift searchStacks: more than {MaxPages} pages; the paging never ended");
    }

    /// <summary>Every optional input field is sent as an explicit null, as spacectl does.</summary>
    private static JsonObject SearchVariables(string? after) => new()
    {
        ["input"] = new JsonObject
        {
            ["first"] = SpaceliftQueries.PageSize,
            ["after"] = after,
            ["fullTextSearch"] = null,
            ["predicates"] = null,
            ["orderBy"] = null,
        },
    };

    private async Task<SpaceliftToken> MintAsync(CancellationToken cancellationToken)
    {
        const string operation = "apiKeyUser";
        var variables = new JsonObject { ["id"] = _settings.ApiKeyId, ["secret"] = _settings.ApiKeySecret.Reveal() };
        var answer = await _connection.ExecuteAsync(operation, SpaceliftQueries.MintToken, variables, bearer: null, RequestKind.Token, cancellationToken).ConfigureAwait(false);
        if (answer.IsUnauthorized)
        {
            throw SpaceliftAuthenticationException.Refused(_settings.ApiKeyId, answer.Errors.Count > 0 ? answer.ErrorText : "HTTP 401");
        }

        if (answer.Errors.Count > 0)
        {
            throw new SpaceliftException($"Spacelift {operation}: {answer.ErrorText}");
        }

        if (answer.Data is not JsonObject data || !data.ContainsKey("apiKeyUser"))
        {
            throw new SpaceliftException($"Spacelift {operation}: the answer has no data.apiKeyUser");
        }

        if (data["apiKeyUser"] is not JsonObject user)
        {
            throw SpaceliftAuthenticationException.UnknownKey(_settings.ApiKeyId);
        }

        var jwt = JsonWire.String(user["jwt"]);
        _scrubber.Add(jwt);
        if (string.IsNullOrEmpty(jwt) || JsonWire.Number(user["validUntil"]) is not { } validUntil
            || validUntil is <= 0 or > MaxUnixSeconds)
        {
            throw new SpaceliftException($"Spacelift {operation}: the answer lacks jwt or a valid validUntil");
        }

        return new SpaceliftToken(new Secret(jwt), DateTimeOffset.FromUnixTimeSeconds((long)validUntil));
    }
}

using System.Text.Json.Nodes;
using Infra.Cli.Config;
using Infra.Sdk;
using Infra.Cli.Port;
using Infra.Cli.Spacelift;
using Infra.Tests.Port.Support;
using Infra.Cli.Http;
using Infra.Tests.Support;

namespace Infra.Tests.Spacelift;

/// <summary>A Spacelift client over a stub handler on an instant clock; mints are answered here unless a test says otherwise.</summary>
public sealed class TestSpacelift
{
    public const string KeyId = "01TESTKEYTESTKEYTESTKEYTES";
    public const string KeySecret = "spacelift-key-secret-W3";

    public static readonly Uri Endpoint = new("https://acme.app.spacelift.io");

    private int _mints;

    public TestSpacelift(Func<RecordedRequest, HttpResponseMessage> respond, int maxRetries = 3)
    {
        Clock = new InstantTimeProvider();
        Handler = new StubHttpMessageHandler(request => IsMint(request)
            ? MintAnswer(Interlocked.Increment(ref _mints))
            : respond(request));
        Statistics = new ClientStatistics();
        Client = SpaceliftClient.Create(
            new SpaceliftSettings(Endpoint, KeyId, new Secret(KeySecret)),
            new ClientOptions(MaxRetries: maxRetries, RequestTimeout: TimeSpan.FromMinutes(5), Handler: Handler, Time: Clock, Statistics: Statistics));
    }

    public ISpaceliftClient Client { get; }

    public StubHttpMessageHandler Handler { get; }

    public InstantTimeProvider Clock { get; }

    public ClientStatistics Statistics { get; }

    /// <summary>Mint answers; JWTs are numbered jwt-1, jwt-2, ..., valid for ten hours from the clock's now.</summary>
    public Func<int, HttpResponseMessage> MintAnswer { get; set; }
        = number => Minted($"jwt-{number}", TimeSpan.FromHours(10));

    public IReadOnlyList<RecordedRequest> Mints => Handler.Requests.Where(IsMint).ToArray();

    public IReadOnlyList<RecordedRequest> Queries => Handler.Requests.Where(request => !IsMint(request)).ToArray();

    public static long ValidUntil(TimeSpan from) => new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero).Add(from).ToUnixTimeSeconds();

    public static HttpResponseMessage Minted(string jwt, TimeSpan validFor) => Answers.Ok(new JsonObject
    {
        ["data"] = new JsonObject { ["apiKeyUser"] = new JsonObject { ["jwt"] = jwt, ["validUntil"] = ValidUntil(validFor) } },
    }.ToJsonString());

    public static HttpResponseMessage Page(string edges, bool hasNextPage = false, string? endCursor = null) => Answers.Ok(new JsonObject
    {
        ["data"] = new JsonObject
        {
            ["searchStacks"] = new JsonObject
            {
                ["edges"] = JsonNode.Parse($"[{edges}]"),
                ["pageInfo"] = new JsonObject { ["endCursor"] = endCursor, ["hasNextPage"] = hasNextPage, ["hasPreviousPage"] = false },
            },
            ["viewer"] = new JsonObject { ["id"] = "api::key" },
        },
    }.ToJsonString());

    public static string Node(string id) => new JsonObject
    {
        ["node"] = new JsonObject
        {
            ["id"] = id,
            ["name"] = $"{id} name",
            ["space"] = "root",
            ["description"] = "d",
            ["labels"] = new JsonArray("folder:prod"),
            ["repository"] = "infra",
            ["state"] = "FINISHED",
            ["provider"] = "GITHUB",
            ["branch"] = "main",
        },
    }.ToJsonString();

    private static bool IsMint(RecordedRequest request) => request.Body?.Contains("apiKeyUser", StringComparison.Ordinal) == true;
}

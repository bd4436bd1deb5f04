using Infra.Sdk.Spacelift;
using Infra.Sdk;
using System.Net;
using Infra.Cli.Diagnostics;
using Infra.Cli.Spacelift;
using Infra.Tests.Port.Support;
using Infra.Cli.Http;

namespace Infra.Tests.Spacelift;

public sealed class SpaceliftClientTests
{
    public sealed class TheMintTokenMethod
    {
        [Fact]
        public async Task SendsSpacectlsExactMutationWithoutAuthorization()
        {
            // Given
            var spacelift = new TestSpacelift(_ => throw new InvalidOperationException("no query expected"));

            // When
            var token = await spacelift.Client.MintTokenAsync(CancellationToken.None);

            // Then
            var mint = Assert.Single(spacelift.Mints);
            Assert.Equal("https://acme.app.spacelift.io/graphql", mint.Uri.AbsoluteUri);
            Assert.Equal(HttpMethod.Post, mint.Method);
            Assert.Null(mint.Authorization);
            Assert.Equal(
                """{"query":"mutation($id:ID!$secret:String!){apiKeyUser(id: $id, secret: $secret){jwt,validUntil}}","variables":{"id":"01TESTKEYTESTKEYTESTKEYTES","secret":"spacelift-key-secret-W3"}}""",
                mint.Body);
            Assert.Equal("jwt-1", token.Jwt.Reveal());
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(TestSpacelift.ValidUntil(TimeSpan.FromHours(10))), token.ValidUntil);
            Assert.Equal(1, spacelift.Statistics.TokenRequests);
        }

        [Fact]
        public async Task NamesTheApiKeySettingWhenSpaceliftKnowsNoSuchKey()
        {
            var spacelift = new TestSpacelift(_ => throw new InvalidOperationException());
            spacelift.MintAnswer = _ => Answers.Ok("""{"data":{"apiKeyUser":null}}""");

            var exception = await Assert.ThrowsAsync<SpaceliftAuthenticationException>(() => spacelift.Client.MintTokenAsync(CancellationToken.None));

            Assert.Contains("spacelift:apiKeyId", exception.Message);
            Assert.Contains("SPACELIFT_API_KEY_ID", exception.Message);
            Assert.Contains(TestSpacelift.KeyId, exception.Message);
            Assert.Equal(ExitCodes.Authentication, exception.ExitCode);
        }

        [Fact]
        public async Task CarriesSpaceliftsTextWhenItRefusesTheSecretAndNeverTheSecret()
        {
            var spacelift = new TestSpacelift(_ => throw new InvalidOperationException());
            spacelift.MintAnswer = _ => Answers.Ok(
                """{"errors":[{"message":"unauthorized: bad secret SECRET"}],"data":{"apiKeyUser":null}}""".Replace("SECRET", TestSpacelift.KeySecret, StringComparison.Ordinal));

            var exception = await Assert.ThrowsAsync<SpaceliftAuthenticationException>(() => spacelift.Client.MintTokenAsync(CancellationToken.None));

            Assert.Contains("unauthorized: bad secret [secret]", exception.Message);
            Assert.Contains("SPACELIFT_API_KEY_SECRET", exception.Message);
            Assert.DoesNotContain(TestSpacelift.KeySecret, exception.Message);
        }

        [Fact]
        public async Task ReportsOtherGraphQlErrorsWithSpaceliftsText()
        {
            var spacelift = new TestSpacelift(_ => throw new InvalidOperationException());
            spacelift.MintAnswer = _ => Answers.Ok("""{"errors":[{"message":"Cannot query field \"validUntil\" on type \"User\"."}]}""");

            var exception = await Assert.ThrowsAsync<SpaceliftException>(() => spacelift.Client.MintTokenAsync(CancellationToken.None));

            Assert.IsNotType<SpaceliftAuthenticationException>(exception);
            Assert.Equal("Spacelift apiKeyUser: Cannot query field \"validUntil\" on type \"User\".", exception.Message);
        }

        [Fact]
        public async Task RejectsAnAnswerWithoutValidUntilWithoutShowingTheJwt()
        {
            var spacelift = new TestSpacelift(_ => throw new InvalidOperationException());
            spacelift.MintAnswer = _ => Answers.Ok("""{"data":{"apiKeyUser":{"jwt":"leaky-jwt"}}}""");

            var exception = await Assert.ThrowsAsync<SpaceliftException>(() => spacelift.Client.MintTokenAsync(CancellationToken.None));

            Assert.Contains("validUntil", exception.Message);
            Assert.DoesNotContain("leaky-jwt", exception.Message);
        }
    }

    public sealed class TheListStacksMethod
    {
        [Fact]
        public async Task PagesWithTheCursorToTheLastPage()
        {
            // Given
            var spacelift = new TestSpacelift(request => (request.Json["variables"]!["input"]!["after"]?.GetValue<string>()) switch
            {
                null => TestSpacelift.Page($"{TestSpacelift.Node("a")},{TestSpacelift.Node("b")}", hasNextPage: true, endCursor: "cur-1"),
                "cur-1" => TestSpacelift.Page(TestSpacelift.Node("c"), hasNextPage: true, endCursor: "cur-2"),
                _ => TestSpacelift.Page(TestSpacelift.Node("d")),
            });

            // When
            var pages = await spacelift.Client.ListStacksAsync(CancellationToken.None).ToListAsync();

            // Then
            Assert.Equal(["a", "b", "c", "d"], pages.SelectMany(page => page).Select(stack => stack.Id));
            Assert.Equal(3, pages.Count);
            var queries = spacelift.Queries;
            Assert.All(queries, query =>
            {
                Assert.Equal("Bearer jwt-1", query.Authorization);
                Assert.Contains("searchStacks(input: $input)", query.Json["query"]!.GetValue<string>());
                Assert.Contains("viewer{id}", query.Json["query"]!.GetValue<string>());
            });
            Assert.Equal(
                """{"first":50,"after":null,"fullTextSearch":null,"predicates":null,"orderBy":null}""",
                queries[0].Json["variables"]!["input"]!.ToJsonString());
            Assert.Equal([null, "cur-1", "cur-2"], queries.Select(q => q.Json["variables"]!["input"]!["after"]?.GetValue<string>()));
            Assert.Single(spacelift.Mints);
        }

        [Fact]
        public async Task MapsEveryField()
        {
            var spacelift = new TestSpacelift(_ => TestSpacelift.Page(TestSpacelift.Node("prod-network")));

            var stack = Assert.Single(await spacelift.Client.ListStacksAsync(CancellationToken.None).FirstAsync());

            Assert.Equal(new SpaceliftStack("prod-network", "prod-network name", "root", "d", stack.Labels, "infra", "FINISHED", "GITHUB", "main"), stack);
            Assert.Equal(["folder:prod"], stack.Labels);
        }

        [Fact]
        public async Task MapsNullFieldsToEmptyValuesAndKeepsANullDescription()
        {
            var spacelift = new TestSpacelift(_ => TestSpacelift.Page(
                """{"node":{"id":"s","name":null,"space":null,"description":null,"labels":null,"repository":null,"state":null,"provider":null,"branch":null}}"""));

            var stack = Assert.Single(await spacelift.Client.ListStacksAsync(CancellationToken.None).FirstAsync());

            Assert.Equal(("s", "", "", "", "", "", ""), (stack.Id, stack.Name, stack.Space, stack.Repository, stack.State, stack.Provider, stack.Branch));
            Assert.Null(stack.Description);
            Assert.Empty(stack.Labels);
        }

        [Fact]
        public async Task RejectsAStackWithoutAnId()
        {
            var spacelift = new TestSpacelift(_ => TestSpacelift.Page("""{"node":{"name":"x"}}"""));

            await Assert.ThrowsAsync<SpaceliftException>(() => spacelift.Client.ListStacksAsync(CancellationToken.None).ToListAsync().AsTask());
        }

        [Fact]
        public async Task ChecksErrorsBeforeData()
        {
            // A page with data next to an error is not a page.
            var spacelift = new TestSpacelift(_ => Answers.Ok(
                """{"errors":[{"message":"internal error"}],"data":{"searchStacks":{"edges":[],"pageInfo":{"endCursor":null,"hasNextPage":false,"hasPreviousPage":false}},"viewer":{"id":"v"}}}"""));

            var exception = await Assert.ThrowsAsync<SpaceliftException>(() => spacelift.Client.ListStacksAsync(CancellationToken.None).ToListAsync().AsTask());

            Assert.Equal("Spacelift searchStacks page 1: internal error", exception.Message);
        }

        [Fact]
        public async Task MintsAgainOnceWhenTheViewerIsNullAndCarriesOn()
        {
            var spacelift = new TestSpacelift(request => request.Authorization == "Bearer jwt-1"
                ? Answers.Ok("""{"data":{"searchStacks":{"edges":[],"pageInfo":{"endCursor":null,"hasNextPage":false,"hasPreviousPage":false}},"viewer":null}}""")
                : TestSpacelift.Page(TestSpacelift.Node("a")));

            var pages = await spacelift.Client.ListStacksAsync(CancellationToken.None).ToListAsync();

            Assert.Equal(["a"], pages.SelectMany(page => page).Select(stack => stack.Id));
            Assert.Equal(2, spacelift.Mints.Count);
            Assert.Equal(1, spacelift.Statistics.TokenRefreshes);
        }

        [Fact]
        public async Task NeverTakesEmptyDataWithANullViewerForZeroStacks()
        {
            var spacelift = new TestSpacelift(_ => Answers.Ok(
                """{"data":{"searchStacks":{"edges":[],"pageInfo":{"endCursor":null,"hasNextPage":false,"hasPreviousPage":false}},"viewer":null}}"""));

            var exception = await Assert.ThrowsAsync<SpaceliftAuthenticationException>(
                () => spacelift.Client.ListStacksAsync(CancellationToken.None).ToListAsync().AsTask());

            Assert.Equal(2, spacelift.Mints.Count);
            Assert.Equal(2, spacelift.Queries.Count);
            Assert.Contains("SPACELIFT_API_KEY_ID", exception.Message);
            Assert.DoesNotContain("jwt-", exception.Message);
        }

        [Fact]
        public async Task MintsAgainOnAnUnauthorizedError()
        {
            var spacelift = new TestSpacelift(request => request.Authorization == "Bearer jwt-1"
                ? Answers.Ok("""{"errors":[{"message":"unauthorized"}],"data":null}""")
                : TestSpacelift.Page(TestSpacelift.Node("a")));

            var pages = await spacelift.Client.ListStacksAsync(CancellationToken.None).ToListAsync();

            Assert.Single(pages);
            Assert.Equal(2, spacelift.Mints.Count);
        }

        [Fact]
        public async Task MintsAgainOnAnHttp401()
        {
            var spacelift = new TestSpacelift(request => request.Authorization == "Bearer jwt-1"
                ? Answers.Text(HttpStatusCode.Unauthorized, "Unauthorized")
                : TestSpacelift.Page(TestSpacelift.Node("a")));

            var pages = await spacelift.Client.ListStacksAsync(CancellationToken.None).ToListAsync();

            Assert.Single(pages);
            Assert.Equal(2, spacelift.Mints.Count);
        }

        [Fact]
        public async Task ListsWithTheTokenMintTokenReturned()
        {
            var spacelift = new TestSpacelift(_ => TestSpacelift.Page(TestSpacelift.Node("a")));

            var token = await spacelift.Client.MintTokenAsync(CancellationToken.None);
            await spacelift.Client.ListStacksAsync(CancellationToken.None).ToListAsync();

            Assert.Single(spacelift.Mints);
            Assert.Equal($"Bearer {token.Jwt.Reveal()}", spacelift.Queries.Single().Authorization);
        }

        [Fact]
        public async Task MintsAgainWhenTheTokenIsWithinThirtySecondsOfValidUntil()
        {
            var spacelift = new TestSpacelift(_ => TestSpacelift.Page(TestSpacelift.Node("a")));
            spacelift.MintAnswer = number => TestSpacelift.Minted($"jwt-{number}", TimeSpan.FromMinutes(10));
            await spacelift.Client.ListStacksAsync(CancellationToken.None).ToListAsync();

            spacelift.Clock.Advance(TimeSpan.FromMinutes(9));
            await spacelift.Client.ListStacksAsync(CancellationToken.None).ToListAsync();
            spacelift.Clock.Advance(TimeSpan.FromSeconds(40));
            await spacelift.Client.ListStacksAsync(CancellationToken.None).ToListAsync();

            Assert.Equal(2, spacelift.Mints.Count);
            Assert.Equal(["Bearer jwt-1", "Bearer jwt-1", "Bearer jwt-2"], spacelift.Queries.Select(q => q.Authorization));
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        public async Task RefusesToGoOnWhenHasNextPageComesWithoutACursor(string? cursor)
        {
            var spacelift = new TestSpacelift(_ => TestSpacelift.Page(TestSpacelift.Node("a"), hasNextPage: true, endCursor: cursor));

            var exception = await Assert.ThrowsAsync<SpaceliftException>(() => spacelift.Client.ListStacksAsync(CancellationToken.None).ToListAsync().AsTask());

            Assert.Contains("endCursor is empty", exception.Message);
        }

        [Fact]
        public async Task RefusesToGoOnWhenACursorRepeats()
        {
            var spacelift = new TestSpacelift(_ => TestSpacelift.Page(TestSpacelift.Node("a"), hasNextPage: true, endCursor: "loop"));
            var pages = 0;

            var exception = await Assert.ThrowsAsync<SpaceliftException>(async () =>
            {
                await foreach (var _ in spacelift.Client.ListStacksAsync(CancellationToken.None))
                {
                    pages++;
                }
            });

            Assert.Equal(2, pages);
            Assert.Contains("one already seen", exception.Message);
        }

        [Theory]
        [InlineData("""{"data":{"searchStacks":{"edges":[]},"viewer":{"id":"v"}}}""", "pageInfo")]
        [InlineData("""{"data":{"searchStacks":{"edges":[],"pageInfo":{"endCursor":null}},"viewer":{"id":"v"}}}""", "hasNextPage")]
        [InlineData("""{"data":{"searchStacks":null,"viewer":{"id":"v"}}}""", "searchStacks.edges")]
        [InlineData("""{"data":null}""", "neither data nor errors")]
        [InlineData("""{"errors":"boom"}""", "\"errors\" is not a list")]
        public async Task RejectsAPageOfTheWrongShape(string body, string named)
        {
            var spacelift = new TestSpacelift(_ => Answers.Ok(body));

            var exception = await Assert.ThrowsAsync<SpaceliftException>(() => spacelift.Client.ListStacksAsync(CancellationToken.None).ToListAsync().AsTask());

            Assert.Contains(named, exception.Message);
        }

        [Fact]
        public async Task RetriesARateLimitedQueryHonouringRetryAfter()
        {
            var calls = 0;
            var spacelift = new TestSpacelift(_ => Interlocked.Increment(ref calls) == 1
                ? Answers.Json(HttpStatusCode.TooManyRequests, """{"errors":[{"message":"rate limit exceeded"}]}""", ("Retry-After", "3"))
                : TestSpacelift.Page(TestSpacelift.Node("a")));

            var pages = await spacelift.Client.ListStacksAsync(CancellationToken.None).ToListAsync();

            Assert.Single(pages);
            Assert.Contains(TimeSpan.FromSeconds(3), spacelift.Clock.Delays);
            Assert.Equal(1, spacelift.Statistics.RetriesFor(Infra.Cli.Http.RetryCause.RateLimited));
        }

        [Fact]
        public async Task ReportsAnHtmlErrorPageAfterRetriesWithAShortSnippet()
        {
            var spacelift = new TestSpacelift(_ => Answers.Text(HttpStatusCode.BadGateway, "<html>" + new string('x', 2000) + "</html>"), maxRetries: 2);

            var exception = await Assert.ThrowsAsync<SpaceliftUnreachableException>(() => spacelift.Client.ListStacksAsync(CancellationToken.None).ToListAsync().AsTask());

            Assert.StartsWith("Spacelift at https://acme.app.spacelift.io/graphql answered searchStacks page 1 with HTTP 502 on every attempt (3 attempts over ", exception.Message);
            Assert.Contains("): '<html>", exception.Message);
            Assert.True(exception.Message.Length < 250, exception.Message);
            Assert.Equal(3, spacelift.Queries.Count);
        }

        [Fact]
        public async Task ReportsADroppedConnectionAfterRetries()
        {
            var spacelift = new TestSpacelift(_ => throw new HttpRequestException("connection reset"), maxRetries: 1);

            var exception = await Assert.ThrowsAsync<SpaceliftUnreachableException>(() => spacelift.Client.ListStacksAsync(CancellationToken.None).ToListAsync().AsTask());

            Assert.StartsWith("Spacelift at https://acme.app.spacelift.io/graphql did not answer searchStacks page 1: connection failed: connection reset (2 attempts over ", exception.Message);
        }
    }
}

using System.Net;
using System.Text.Json.Nodes;
using Infra.Cli.Port;
using Infra.Tests.Port.Support;

namespace Infra.Tests.Port;

public sealed class PortClientEntitiesTests
{
    private const string Blueprint = "space_lift_stack";

    private static JsonObject Entity(string identifier, int padding = 0) => new()
    {
        ["identifier"] = identifier,
        ["title"] = identifier,
        ["properties"] = new JsonObject { ["description"] = new string('d', padding) },
    };

    private static List<JsonObject> Entities(int count, int padding = 0) =>
        Enumerable.Range(0, count).Select(i => Entity($"stack-{i}", padding)).ToList();

    /// <summary>Port's bulk answer: every entity of the request written.</summary>
    private static HttpResponseMessage AllWritten(RecordedRequest request)
    {
        var sent = request.Json["entities"]!.AsArray();
        var written = new JsonArray(sent.Select((entity, index) => (JsonNode?)new JsonObject
        {
            ["created"] = true,
            ["identifier"] = entity!["identifier"]!.GetValue<string>(),
            ["index"] = index,
            ["additionalData"] = new JsonObject(),
        }).ToArray());
        return Answers.Ok(new JsonObject { ["ok"] = true, ["entities"] = written, ["errors"] = new JsonArray() }.ToJsonString());
    }

    public sealed class TheUpsertMethod
    {
        [Fact]
        public async Task SendsBatchesOfAtMostTwentyToTheBulkUpsertRoute()
        {
            // Given
            var port = new TestPort(AllWritten);

            // When
            var results = await port.Client.UpsertEntitiesAsync(Blueprint, Entities(45), null, CancellationToken.None);

            // Then
            var requests = port.ApiRequests;
            Assert.All(requests, request => Assert.Equal("/v1/blueprints/space_lift_stack/entities/bulk?upsert=true", request.Uri.PathAndQuery));
            Assert.Equal([5, 20, 20], requests.Select(r => r.Json["entities"]!.AsArray().Count).Order());
            Assert.Equal(Enumerable.Range(0, 45).Select(i => $"stack-{i}"), results.Select(r => r.Identifier));
            Assert.All(results, result => Assert.True(result.Succeeded));
            Assert.All(results, result => Assert.Equal(201, result.StatusCode));
        }

        [Fact]
        public async Task KeepsEveryBodyWithinOneMebibyte()
        {
            var port = new TestPort(AllWritten);

            var results = await port.Client.UpsertEntitiesAsync(Blueprint, Entities(10, padding: 300_000), null, CancellationToken.None);

            Assert.All(port.ApiRequests, request => Assert.InRange(request.BodyBytes, 1, 1024 * 1024));
            Assert.Equal(4, port.ApiRequests.Count);
            Assert.All(results, result => Assert.True(result.Succeeded));
        }

        [Fact]
        public async Task FailsAnEntityLargerThanAnyBodyWithoutSendingIt()
        {
            var port = new TestPort(AllWritten);
            var entities = new List<JsonObject> { Entity("small"), Entity("huge", padding: 1_100_000) };

            var results = await port.Client.UpsertEntitiesAsync(Blueprint, entities, null, CancellationToken.None);

            Assert.True(results[0].Succeeded);
            Assert.False(results[1].Succeeded);
            Assert.Equal(413, results[1].StatusCode);
            Assert.Single(port.ApiRequests);
        }

        [Fact]
        public async Task MapsA207AnswerToEachEntityByIndex()
        {
            var port = new TestPort(_ => Answers.Json(HttpStatusCode.MultiStatus, """
                {"ok":true,
                 "entities":[{"created":false,"identifier":"stack-2","index":2,"additionalData":{}},
                             {"created":true,"identifier":"stack-0","index":0,"additionalData":{}}],
                 "errors":[{"identifier":"stack-1","index":1,"statusCode":422,"error":"blueprint_schema_mismatch","message":"state is not allowed"}]}
                """));

            var results = await port.Client.UpsertEntitiesAsync(Blueprint, Entities(3), null, CancellationToken.None);

            Assert.Equal(new EntityWriteResult("stack-0", true, 201), results[0]);
            Assert.Equal(new EntityWriteResult("stack-1", false, 422, "blueprint_schema_mismatch", "state is not allowed"), results[1]);
            Assert.Equal(new EntityWriteResult("stack-2", true, 200), results[2]);
        }

        [Fact]
        public async Task FailsAnEntityPortGaveNoResultFor()
        {
            var port = new TestPort(_ => Answers.Ok("""{"ok":true,"entities":[{"created":true,"identifier":"stack-0","index":0}],"errors":[]}"""));

            var results = await port.Client.UpsertEntitiesAsync(Blueprint, Entities(2), null, CancellationToken.None);

            Assert.True(results[0].Succeeded);
            Assert.False(results[1].Succeeded);
            Assert.Equal("missing_result", results[1].Error);
        }

        [Fact]
        public async Task SplitsABatchPortFindsTooLarge()
        {
            // Given: Port accepts at most 3 entities per request, whatever we measured.
            var port = new TestPort(request => request.Json["entities"]!.AsArray().Count > 3
                ? Answers.PortError(HttpStatusCode.RequestEntityTooLarge, "request_too_large", "too large")
                : AllWritten(request));

            // When
            var results = await port.Client.UpsertEntitiesAsync(Blueprint, Entities(20), null, CancellationToken.None);

            // Then
            Assert.All(results, result => Assert.True(result.Succeeded));
            Assert.Equal(20, port.ApiRequests.Where(r => r.Json["entities"]!.AsArray().Count <= 3).Sum(r => r.Json["entities"]!.AsArray().Count));
            Assert.True(port.Statistics.BatchSplits >= 3);
        }

        [Fact]
        public async Task FailsOnlyTheEntitiesOfABatchThatFailsAsAWhole()
        {
            var port = new TestPort(request => request.Json["entities"]![0]!["identifier"]!.GetValue<string>() == "stack-20"
                ? Answers.PortError(HttpStatusCode.ServiceUnavailable, "unavailable", "down")
                : AllWritten(request), maxRetries: 1);

            var results = await port.Client.UpsertEntitiesAsync(Blueprint, Entities(45), null, CancellationToken.None);

            Assert.All(results.Take(20).Concat(results.Skip(40)), result => Assert.True(result.Succeeded));
            Assert.All(results.Skip(20).Take(20), result =>
            {
                Assert.False(result.Succeeded);
                Assert.Equal(503, result.StatusCode);
                Assert.StartsWith("Port at https://port.test/ answered POST /v1/blueprints/space_lift_stack/entities/bulk with HTTP 503 on every attempt (2 attempts over ", result.Message);
                Assert.EndsWith("): down", result.Message);
            });
        }

        [Fact]
        public async Task FailsABatchWhoseConnectionNeverAnswers()
        {
            var port = new TestPort(_ => throw new HttpRequestException("refused"), maxRetries: 1);

            var results = await port.Client.UpsertEntitiesAsync(Blueprint, Entities(2), null, CancellationToken.None);

            Assert.All(results, result =>
            {
                Assert.False(result.Succeeded);
                Assert.Equal(PortUnreachableException.Unreachable, result.Error);
            });
        }

        [Fact]
        public async Task StopsEverythingWhenPortRefusesTheCredentials()
        {
            var port = new TestPort(_ => Answers.PortError(HttpStatusCode.Unauthorized, "unauthorized", "no"));

            await Assert.ThrowsAsync<PortAuthenticationException>(
                () => port.Client.UpsertEntitiesAsync(Blueprint, Entities(3), null, CancellationToken.None));
        }

        [Fact]
        public async Task KeepsNoMoreBatchesInFlightThanTheConcurrency()
        {
            // A barrier, not a delay: the first batches are held until three are in flight at once, so
            // the client must really use its concurrency of 3, and any fourth would be seen beside them.
            var inFlight = 0;
            var peak = 0;
            var threeInFlight = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var port = new TestPort(
                async (request, _) =>
                {
                    var now = Interlocked.Increment(ref inFlight);
                    InterlockedMax(ref peak, now);
                    if (now == 3)
                    {
                        threeInFlight.TrySetResult();
                    }

                    // The bound only stops a broken client from hanging the suite.
                    await threeInFlight.Task.WaitAsync(TimeSpan.FromSeconds(30));
                    Interlocked.Decrement(ref inFlight);
                    return AllWritten(request);
                },
                concurrency: 3);

            await port.Client.UpsertEntitiesAsync(Blueprint, Entities(200), null, CancellationToken.None);

            Assert.Equal(10, port.ApiRequests.Count);
            Assert.Equal(3, peak);
        }

        [Fact]
        public async Task ReportsEachResultToTheProgressAsItLands()
        {
            var port = new TestPort(AllWritten);
            var seen = new List<EntityWriteResult>();

            await port.Client.UpsertEntitiesAsync(Blueprint, Entities(25), new SynchronousProgress(seen), CancellationToken.None);

            Assert.Equal(25, seen.Count);
            Assert.Equal(25, seen.Select(result => result.Identifier).Distinct().Count());
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int current;
            while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
            {
            }
        }
    }

    public sealed class TheDeleteMethod
    {
        private static HttpResponseMessage AllDeleted(RecordedRequest request) =>
            Answers.Ok(new JsonObject { ["ok"] = true, ["deletedEntities"] = request.Json["entities"]!.DeepClone() }.ToJsonString());

        [Fact]
        public async Task DeletesInBatchesOfAtMostOneHundred()
        {
            var port = new TestPort(AllDeleted);
            var identifiers = Enumerable.Range(0, 250).Select(i => $"stack-{i}").ToList();

            var results = await port.Client.DeleteEntitiesAsync(Blueprint, identifiers, null, CancellationToken.None);

            Assert.All(port.ApiRequests, request =>
            {
                Assert.Equal(HttpMethod.Post, request.Method);
                Assert.Equal("/v1/blueprints/space_lift_stack/bulk/entities/delete?delete_dependents=false", request.Uri.PathAndQuery);
            });
            Assert.Equal([50, 100, 100], port.ApiRequests.Select(r => r.Json["entities"]!.AsArray().Count).Order());
            Assert.Equal(identifiers, results.Select(r => r.Identifier));
            Assert.All(results, result => Assert.True(result.Succeeded));
        }

        [Fact]
        public async Task FailsAnIdentifierPortDoesNotReportDeleted()
        {
            var port = new TestPort(_ => Answers.Ok("""{"ok":true,"deletedEntities":["a"]}"""));

            var results = await port.Client.DeleteEntitiesAsync(Blueprint, ["a", "b"], null, CancellationToken.None);

            Assert.True(results[0].Succeeded);
            Assert.False(results[1].Succeeded);
            Assert.Equal("not_deleted", results[1].Error);
        }

        [Fact]
        public async Task FailsEveryIdentifierOfABatchPortRefuses()
        {
            var port = new TestPort(_ => Answers.PortError(HttpStatusCode.Forbidden, "has_dependents", "use delete_dependents=true"));

            var results = await port.Client.DeleteEntitiesAsync(Blueprint, ["a", "b"], null, CancellationToken.None);

            Assert.All(results, result =>
            {
                Assert.False(result.Succeeded);
                Assert.Equal("has_dependents", result.Error);
                Assert.Equal(403, result.StatusCode);
            });
        }
    }

    public sealed class TheListMethod
    {
        [Fact]
        public async Task PagesThroughTheBlueprintSearchToTheEnd()
        {
            // Given
            var port = new TestPort(request => (request.Json["from"]?.GetValue<string>()) switch
            {
                null => Answers.Ok("""{"ok":true,"entities":[{"identifier":"a"},{"identifier":"b"}],"next":"c1"}"""),
                "c1" => Answers.Ok("""{"ok":true,"entities":[{"identifier":"c"}],"next":"c2"}"""),
                _ => Answers.Ok("""{"ok":true,"entities":[{"identifier":"d"}]}"""),
            });

            // When
            var pages = await port.Client.ListEntitiesAsync(Blueprint, CancellationToken.None).ToListAsync();

            // Then
            Assert.Equal(["a", "b", "c", "d"], pages.SelectMany(page => page).Select(e => e["identifier"]!.GetValue<string>()));
            Assert.Equal(3, pages.Count);
            var requests = port.ApiRequests;
            Assert.All(requests, request =>
            {
                Assert.Equal("/v1/blueprints/space_lift_stack/entities/search", request.Path);
                Assert.Equal(1000, request.Json["limit"]!.GetValue<int>());
            });
            Assert.Equal([null, "c1", "c2"], requests.Select(r => r.Json["from"]?.GetValue<string>()));
        }

        [Fact]
        public async Task HandsOutEntitiesFreeOfTheAnswer()
        {
            var port = new TestPort(_ => Answers.Ok("""{"ok":true,"entities":[{"identifier":"a"}]}"""));

            var page = await port.Client.ListEntitiesAsync(Blueprint, CancellationToken.None).FirstAsync();

            var moved = new JsonArray(page[0]);
            Assert.Same(moved, page[0].Parent);
        }

        [Fact]
        public async Task StopsWithAnErrorWhenNextRepeats()
        {
            var port = new TestPort(_ => Answers.Ok("""{"ok":true,"entities":[{"identifier":"a"}],"next":"same"}"""));
            var pages = 0;

            var exception = await Assert.ThrowsAsync<PortProtocolException>(async () =>
            {
                await foreach (var _ in port.Client.ListEntitiesAsync(Blueprint, CancellationToken.None))
                {
                    pages++;
                }
            });

            Assert.Equal(2, pages);
            Assert.Contains("\"next\"", exception.Message);
        }

        [Fact]
        public async Task ListsNothingForABlueprintThatDoesNotExistYet()
        {
            var port = new TestPort(_ => Answers.PortError(HttpStatusCode.NotFound, "not_found", "no such blueprint"));

            Assert.Empty(await port.Client.ListEntitiesAsync(Blueprint, CancellationToken.None).ToListAsync());
        }

        [Fact]
        public async Task RejectsAPageWithoutEntities()
        {
            var port = new TestPort(_ => Answers.Ok("""{"ok":true,"next":"x"}"""));

            await Assert.ThrowsAsync<PortProtocolException>(() => port.Client.ListEntitiesAsync(Blueprint, CancellationToken.None).ToListAsync().AsTask());
        }
    }

    private sealed class SynchronousProgress(List<EntityWriteResult> seen) : IProgress<EntityWriteResult>
    {
        public void Report(EntityWriteResult value) => seen.Add(value);
    }
}

using System.Net;
using System.Text.Json.Nodes;
using Emulators.Port;
using Emulators.Port.Timers;
using Microsoft.Extensions.Time.Testing;

namespace Infra.Tests.Emulators.Port;

/// <summary>Timer properties and <c>TIMER_PROPERTY_EXPIRED</c> automations, on a fake clock.</summary>
public sealed class TimerTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(20);

    private static JsonObject Blueprint(string identifier = "env") => GuideResources.Parse("""
        {
          "identifier": "env", "title": "Environment",
          "schema": { "properties": {
            "ttl": { "type": "string", "format": "timer", "title": "TTL" },
            "other_ttl": { "type": "string", "format": "timer" },
            "owner": { "type": "string" }
          } }
        }
        """).Also(b => b["identifier"] = identifier);

    /// <summary>The example of port-docs define-automations/examples.md ("Terminate an ephemeral environment"), sending the event and trigger.</summary>
    private static JsonObject OnExpiry(Uri url, string property = "ttl", string blueprint = "env", string identifier = "on_ttl") => new()
    {
        ["identifier"] = identifier,
        ["title"] = "On expiry",
        ["trigger"] = new JsonObject
        {
            ["type"] = "automation",
            ["event"] = new JsonObject { ["type"] = "TIMER_PROPERTY_EXPIRED", ["blueprintIdentifier"] = blueprint, ["propertyIdentifier"] = property },
        },
        ["invocationMethod"] = new JsonObject
        {
            ["type"] = "WEBHOOK",
            ["url"] = url.ToString(),
            ["synchronized"] = true,
            ["body"] = new JsonObject { ["event"] = "{{ .event }}", ["trigger"] = "{{ .trigger }}", ["runId"] = "{{ .run.id }}" },
        },
        ["publish"] = true,
    };

    private static JsonObject Env(string identifier, string? ttl, string? otherTtl = null) => new()
    {
        ["identifier"] = identifier,
        ["properties"] = new JsonObject { ["ttl"] = ttl, ["other_ttl"] = otherTtl },
    };

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<(PortTestHost Host, FakeTimeProvider Clock, Recorder Recorder)> StartAsync(Func<PortEmulatorOptions, PortEmulatorOptions>? configure = null)
    {
        var clock = new FakeTimeProvider(Start);
        var options = new PortEmulatorOptions { Time = clock };
        var host = await PortTestHost.StartAsync(configure?.Invoke(options) ?? options);
        var recorder = await Recorder.StartAsync();
        await host.CreateBlueprintAsync(Blueprint());
        Assert.Equal(HttpStatusCode.Created, (await host.PostAsync("/v1/actions", OnExpiry(recorder.Url))).Status);
        return (host, clock, recorder);
    }

    private static async Task AdvanceAsync(PortTestHost host, FakeTimeProvider clock, TimeSpan by)
    {
        clock.Advance(by);
        using var timeout = new CancellationTokenSource(Idle);
        await host.Emulator.WhenIdleAsync(timeout.Token);
    }

    [Theory]
    [InlineData("2026-12-01T16:50:00Z", true)]
    [InlineData("2026-12-01T16:50:00.345Z", true)]
    [InlineData("2026-12-01T16:50:00+02:00", true)]
    [InlineData("2026-12-01T16:50:00", false)]
    [InlineData("2026-12-01", false)]
    [InlineData("2026-13-01T16:50:00Z", false)]
    [InlineData("in two hours", false)]
    [InlineData("1796143800", false)]
    public async Task TimerValuesAreIsoDateTimesWithAZone(string value, bool accepted)
    {
        await using var host = await PortTestHost.StartAsync();
        await host.CreateBlueprintAsync(Blueprint());

        var (status, body) = await host.PostAsync("/v1/blueprints/env/entities", Env("e1", value));

        if (accepted)
        {
            Assert.Equal(HttpStatusCode.Created, status);
            Assert.Equal(value, body["entity"]!["properties"]!["ttl"]!.GetValue<string>());
        }
        else
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
            Assert.Equal("blueprint_schema_mismatch", body["error"]!.GetValue<string>());
            Assert.Contains("\"timer\"", body["message"]!.GetValue<string>());
            Assert.Contains("time zone", body["message"]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData("""{ "type": "TIMER_PROPERTY_EXPIRED", "blueprintIdentifier": "env" }""", "required property 'propertyIdentifier'")]
    [InlineData("""{ "type": "TIMER_PROPERTY_EXPIRED", "propertyIdentifier": "ttl" }""", "required property 'blueprintIdentifier'")]
    [InlineData("""{ "type": "TIMER_PROPERTY_EXPIRED", "blueprintIdentifier": "env", "propertyIdentifier": 3 }""", "propertyIdentifier must be a string")]
    [InlineData("""{ "type": "TIMER_PROPERTY_EXPIRED", "blueprintIdentifier": "env", "propertyIdentifier": "ttl", "actionIdentifier": "x" }""", "additional property 'actionIdentifier'")]
    [InlineData("""{ "type": "ENTITY_UPDATED", "blueprintIdentifier": "env", "propertyIdentifier": "ttl" }""", "additional property 'propertyIdentifier'")]
    public async Task TimerTriggersAreCheckedAsTheOpenApiDeclaresThem(string @event, string problem)
    {
        await using var host = await PortTestHost.StartAsync();
        Assert.Equal(HttpStatusCode.Created, (await host.PostAsync("/v1/actions", OnExpiry(new Uri("http://127.0.0.1:9/hook")))).Status);
        var automation = OnExpiry(new Uri("http://127.0.0.1:9/hook"), identifier: "bad");
        automation["trigger"]!["event"] = JsonNode.Parse(@event);

        var (created, body) = await host.PostAsync("/v1/actions", automation);
        var (replaced, replaceBody) = await host.SendAsync(HttpMethod.Put, "/v1/actions/on_ttl", automation.Also(a => a["identifier"] = "on_ttl"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, created);
        Assert.Contains(problem, body["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, replaced);
        Assert.Contains(problem, replaceBody["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task ATimerFiresOnceWhenTheClockPassesItWithTheEventPortDescribes()
    {
        var (host, clock, recorder) = await StartAsync();
        await using var _ = host;
        await using var __ = recorder;
        var ttl = Iso(Start + TimeSpan.FromMinutes(10));
        await host.PostAsync("/v1/blueprints/env/entities", Env("dev-1", ttl).Also(e => e["title"] = "Dev 1"));

        await AdvanceAsync(host, clock, TimeSpan.FromMinutes(10) - TimeSpan.FromMilliseconds(1));
        Assert.Empty(recorder.Bodies);
        await AdvanceAsync(host, clock, TimeSpan.FromMilliseconds(1));
        await AdvanceAsync(host, clock, TimeSpan.FromHours(2));

        var sent = Assert.Single(recorder.Bodies)!;
        var @event = sent["event"]!;
        Assert.Equal("TIMER_EXPIRED", @event["action"]!.GetValue<string>());
        Assert.Equal("entity", @event["resourceType"]!.GetValue<string>());
        Assert.Equal("""{"blueprintIdentifier":"env","entityIdentifier":"dev-1","propertyIdentifier":"ttl"}""", @event["context"]!.ToJsonString());
        Assert.Null(@event["diff"]!["before"]);
        Assert.Equal("Dev 1", @event["diff"]!["after"]!["title"]!.GetValue<string>());
        Assert.Equal(ttl, @event["diff"]!["after"]!["properties"]!["ttl"]!.GetValue<string>());
        Assert.Equal(ttl, @event["trigger"]!["at"]!.GetValue<string>());
        Assert.True(@event["trigger"]!["by"]!["byPort"]!.GetValue<bool>());
        Assert.Equal("AUTOMATION", sent["trigger"]!["origin"]!.GetValue<string>());
        var run = Assert.Single(host.Emulator.Runs());
        Assert.Equal(run["id"]!.GetValue<string>(), sent["runId"]!.GetValue<string>());
        Assert.Equal(("SUCCESS", "AUTOMATION"), (run["status"]!.GetValue<string>(), run["source"]!.GetValue<string>()));
        Assert.Equal(ttl, host.Emulator.Entities("env").Single()["properties"]!["ttl"]!.GetValue<string>());
    }

    [Fact]
    public async Task OnlyTheNamedTimerFiresAndAnExpiryIsNotAnEntityUpdate()
    {
        var (host, clock, recorder) = await StartAsync();
        await using var _ = host;
        await using var __ = recorder;
        var onUpdate = OnExpiry(recorder.Url, identifier: "on_update");
        onUpdate["trigger"]!["event"] = new JsonObject { ["type"] = "ANY_ENTITY_CHANGE", ["blueprintIdentifier"] = "env" };
        await host.PostAsync("/v1/actions", onUpdate);
        await host.CreateBlueprintAsync(Blueprint("env2"));
        await host.PostAsync("/v1/actions", OnExpiry(recorder.Url, blueprint: "env2", identifier: "on_env2"));
        await host.PostAsync("/v1/blueprints/env/entities", Env("a", ttl: null, otherTtl: Iso(Start + TimeSpan.FromMinutes(1))));
        await host.PostAsync("/v1/blueprints/env2/entities", Env("b", Iso(Start + TimeSpan.FromMinutes(2))));
        using (var timeout = new CancellationTokenSource(Idle))
        {
            await host.Emulator.WhenIdleAsync(timeout.Token);
        }

        recorder.Bodies.Clear();

        await AdvanceAsync(host, clock, TimeSpan.FromMinutes(5));

        // other_ttl has no automation and env's change automation does not see expiries; env2's own automation fires
        var sent = Assert.Single(recorder.Bodies)!;
        Assert.Equal("env2", sent["event"]!["context"]!["blueprintIdentifier"]!.GetValue<string>());
    }

    [Fact]
    public async Task ATimerRemovedOrMovedBeforeItExpiresFiresOnlyAtItsNewValue()
    {
        var (host, clock, recorder) = await StartAsync();
        await using var _ = host;
        await using var __ = recorder;
        var soon = Iso(Start + TimeSpan.FromMinutes(1));
        await host.PostAsync("/v1/blueprints/env/entities", Env("deleted", soon));
        await host.PostAsync("/v1/blueprints/env/entities", Env("cleared", soon));
        await host.PostAsync("/v1/blueprints/env/entities", Env("moved", soon));
        await host.SendAsync(HttpMethod.Delete, "/v1/blueprints/env/entities/deleted");
        await host.SendAsync(HttpMethod.Patch, "/v1/blueprints/env/entities/cleared", new JsonObject { ["properties"] = new JsonObject { ["ttl"] = null } });
        await host.SendAsync(HttpMethod.Patch, "/v1/blueprints/env/entities/moved", new JsonObject { ["properties"] = new JsonObject { ["ttl"] = Iso(Start + TimeSpan.FromMinutes(30)) } });

        await AdvanceAsync(host, clock, TimeSpan.FromMinutes(29));
        Assert.Empty(recorder.Bodies);
        await AdvanceAsync(host, clock, TimeSpan.FromMinutes(2));

        Assert.Equal("moved", Assert.Single(recorder.Bodies)!["event"]!["context"]!["entityIdentifier"]!.GetValue<string>());
    }

    [Fact]
    public async Task SettingAFiredTimerToANewValueArmsItAgain()
    {
        var (host, clock, recorder) = await StartAsync();
        await using var _ = host;
        await using var __ = recorder;
        await host.PostAsync("/v1/blueprints/env/entities", Env("e", Iso(Start + TimeSpan.FromMinutes(1))));
        await AdvanceAsync(host, clock, TimeSpan.FromMinutes(2));
        await host.SendAsync(HttpMethod.Patch, "/v1/blueprints/env/entities/e", new JsonObject { ["properties"] = new JsonObject { ["owner"] = "unrelated change" } });
        await AdvanceAsync(host, clock, TimeSpan.FromMinutes(2));
        Assert.Single(recorder.Bodies);

        await host.SendAsync(HttpMethod.Patch, "/v1/blueprints/env/entities/e", new JsonObject { ["properties"] = new JsonObject { ["ttl"] = Iso(Start + TimeSpan.FromMinutes(10)) } });
        await AdvanceAsync(host, clock, TimeSpan.FromMinutes(10));

        Assert.Equal(2, recorder.Bodies.Count);
    }

    [Fact]
    public async Task AnAutomationThatSetsItsTimerIntoThePastRepeatsOncePerScanIntervalNotInATightLoop()
    {
        var (host, clock, recorder) = await StartAsync();
        await using var _ = host;
        await using var __ = recorder;
        var again = new JsonObject
        {
            ["identifier"] = "again",
            ["trigger"] = new JsonObject
            {
                ["type"] = "automation",
                ["event"] = new JsonObject { ["type"] = "TIMER_PROPERTY_EXPIRED", ["blueprintIdentifier"] = "env", ["propertyIdentifier"] = "ttl" },
            },
            ["invocationMethod"] = new JsonObject
            {
                ["type"] = "UPSERT_ENTITY",
                ["blueprintIdentifier"] = "env",
                ["mapping"] = new JsonObject { ["identifier"] = "{{ .event.context.entityIdentifier }}", ["properties"] = new JsonObject { ["ttl"] = "{{ .trigger.at }}" } },
            },
        };
        Assert.Equal(HttpStatusCode.Created, (await host.PostAsync("/v1/actions", again)).Status);
        await host.PostAsync("/v1/blueprints/env/entities", Env("e", Iso(Start + TimeSpan.FromSeconds(1))));

        for (var minute = 0; minute < 10; minute++)
        {
            await AdvanceAsync(host, clock, TimeSpan.FromMinutes(1));
        }

        // Each expiry re-armed the timer at "now"; the emulator let it expire once a minute (10 times), and settled in between
        Assert.Equal(10, recorder.Bodies.Count);
        Assert.Equal(10, host.Emulator.Runs().Count(r => r["action"]!["identifier"]!.GetValue<string>() == "again"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ATimerWrittenInThePastFiresAtOnceOrNeverAsSwitched(bool pastTimersFire)
    {
        var (host, _, recorder) = await StartAsync(o => o with { PastTimersFire = pastTimersFire });
        await using var __ = host;
        await using var ___ = recorder;

        await host.PostAsync("/v1/blueprints/env/entities", Env("late", Iso(Start - TimeSpan.FromMinutes(1))));
        using var timeout = new CancellationTokenSource(Idle);
        await host.Emulator.WhenIdleAsync(timeout.Token);

        Assert.Equal(pastTimersFire ? 1 : 0, recorder.Bodies.Count);
    }

    [Theory]
    [InlineData(TimerAfterExpiry.Keep)]
    [InlineData(TimerAfterExpiry.Clear)]
    public async Task AnExpiredTimerKeepsOrLosesItsValueAsSwitched(TimerAfterExpiry afterExpiry)
    {
        var (host, clock, recorder) = await StartAsync(o => o with { TimerAfterExpiry = afterExpiry });
        await using var _ = host;
        await using var __ = recorder;
        var ttl = Iso(Start + TimeSpan.FromMinutes(1));
        await host.PostAsync("/v1/blueprints/env/entities", Env("e", ttl));

        await AdvanceAsync(host, clock, TimeSpan.FromMinutes(2));

        var (_, read) = await host.GetAsync("/v1/blueprints/env/entities/e");
        var properties = read["entity"]!["properties"]!;
        Assert.Equal(afterExpiry == TimerAfterExpiry.Keep ? ttl : null, properties["ttl"]?.GetValue<string>());
        Assert.Single(recorder.Bodies);
        Assert.Equal(afterExpiry == TimerAfterExpiry.Keep ? ttl : null, recorder.Bodies.Single()!["event"]!["diff"]!["after"]!["properties"]!["ttl"]?.GetValue<string>());
    }

    [Fact]
    public async Task AfterARestartFromTheStateFileOnlyTimersStillAheadFire()
    {
        var directory = Directory.CreateTempSubdirectory("port-timer-state-").FullName;
        try
        {
            var file = Path.Combine(directory, "org.json");
            var clock = new FakeTimeProvider(Start);
            await using var recorder = await Recorder.StartAsync();
            await using (var first = await PortTestHost.StartAsync(new PortEmulatorOptions { Time = clock, StateFile = file }))
            {
                await first.CreateBlueprintAsync(Blueprint());
                await first.PostAsync("/v1/actions", OnExpiry(recorder.Url));
                await first.PostAsync("/v1/blueprints/env/entities", Env("fired", Iso(Start + TimeSpan.FromMinutes(1))));
                await first.PostAsync("/v1/blueprints/env/entities", Env("ahead", Iso(Start + TimeSpan.FromHours(1))));
                await AdvanceAsync(first, clock, TimeSpan.FromMinutes(2));
                Assert.Single(recorder.Bodies);
            }

            await using var second = await PortTestHost.StartAsync(new PortEmulatorOptions { Time = clock, StateFile = file });
            await AdvanceAsync(second, clock, TimeSpan.FromHours(1));

            Assert.Equal(["fired", "ahead"], recorder.Bodies.Select(b => b!["event"]!["context"]!["entityIdentifier"]!.GetValue<string>()));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

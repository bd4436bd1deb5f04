using System.Globalization;
using Emulators.Faults;
using Emulators.Port.Entities;
using Emulators.Port.Users;

namespace Emulators.Hosting;

/// <summary>The standalone program's flags (<c>--flag value</c> or <c>--flag=value</c>).</summary>
public static class EmulatorCommandLine
{
    public static string Usage =>
        """
        Usage: dotnet run --project src/Emulators -- [options]

        Starts the Port REST emulator and the Spacelift GraphQL emulator on loopback ports until Ctrl-C or SIGTERM.

        Options:
          --port-url URL              Port emulator base URL (default http://127.0.0.1:0, a free port)
          --spacelift-url URL         Spacelift emulator base URL; GraphQL is served at URL/graphql (default: a free port)
          --stacks N                  generated Spacelift stacks (default 25)
          --spaces M                  generated Spacelift spaces besides root and legacy, nested under
                                      root; stacks are spread over them (default 4)
          --runs N                    past tracked runs generated per stack that has run (default 0)
          --proposed-runs N           past proposed runs generated per stack that has run (default 0)
          --runs-page-size N          runs per Stack.runs(before:) page (default 50)
          --max-run-lists N           stacks whose runs one Spacelift request may list (default: no limit)
          --spaces-order ORDER        parents-first (default) or children-first: the order of 'spaces'
          --port-self-relation-on-create allow|refuse
                                      a blueprint created with a relation to itself (default allow)
          --port-bulk-relations sequential|snapshot
                                      whether a bulk item may relate to an entity an earlier item of the
                                      same request created (sequential, default) or not (snapshot)
          --port-delete-dependents required|any
                                      which relations delete_dependents follows (default required)
          --port-dangling-relations clear|keep
                                      an optional relation whose target is deleted (default clear)
          --port-referenced-blueprint-delete refuse|allow
                                      deleting a blueprint others relate to (default refuse)
          --port-search-query-flags honour|ignore
                                      whether POST /v1/blueprints/ID/entities/search takes
                                      exclude_calculated_properties and attach_title_to_relation
                                      (default honour; the OpenAPI lists neither for that route)
          --port-aggregation-refresh SECONDS
                                      aggregation values are recomputed once per interval (Port: 900);
                                      0 computes them at every read (default 0)
          --latency-ms L              milliseconds added to every response (default 0)
          --faults SPEC               inject faults (see below)
          --fault-seed S              seed of the fault draws; same seed, same faults (default 1)
          --slow-fault-ms MS          how long a 'slow' fault holds a response (default 5000)
          --state FILE                load Port's organisation from FILE and save it after changes;
                                      Spacelift's webhooks, policies and runs go beside it (NAME.spacelift.json)
          --token-lifetime SECONDS    lifetime of Spacelift JWTs (default 36000 = 10 h)
          --port-client-id X          Port client id (default emulator)
          --port-client-secret Y      Port client secret (default emulator)
          --spacelift-key-id Z        Spacelift API key id (default 01EMULATOREMULATOREMULATOR)
          --spacelift-key-secret W    Spacelift API key secret (default emulator)
          --port-user EMAIL[:ROLE[:TEAMS]]
                                      a member of the Port organisation, for action permissions and
                                      approvals (run_as=EMAIL); ROLE Admin or Member (default Member),
                                      TEAMS comma-separated; repeat the flag for each user. The token's
                                      own user, admin@port-emulator.local (Admin), is always there
        """ + "\n" + RenewalLoopFlags.Usage + "\n" + """
          -h, --help                  print this help

        Only loopback addresses are accepted (127.0.0.1, [::1], localhost).

        """ + UnknownFlags.Help + FaultSpec.Help + Environment.NewLine;

    /// <summary>The options the flags ask for, or null when they ask for help.</summary>
    /// <exception cref="EmulatorUsageException">An unknown flag, a missing value or a bad value; the message names it.</exception>
    public static EmulatorOptions? Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new EmulatorOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                return null;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var flag = arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? arg[..equals] : arg;
            string Value()
            {
                if (equals > 0 && flag.Length < arg.Length)
                {
                    return arg[(equals + 1)..];
                }

                return ++i < args.Count ? args[i] : throw new EmulatorUsageException($"{flag} needs a value");
            }

            options = flag switch
            {
                "--port-url" => options with { PortUrl = Url(flag, Value()) },
                "--spacelift-url" => options with { SpaceliftUrl = Url(flag, Value()) },
                "--stacks" => options with { Stacks = Integer(flag, Value(), 0) },
                "--spaces" => options with { Spaces = Integer(flag, Value(), 0) },
                "--runs" => options with { RunsPerStack = Integer(flag, Value(), 0) },
                "--proposed-runs" => options with { ProposedRunsPerStack = Integer(flag, Value(), 0) },
                "--runs-page-size" => options with { RunsPageSize = Integer(flag, Value(), 1) },
                "--max-run-lists" => options with { MaxRunListsPerRequest = Integer(flag, Value(), 1) },
                "--spaces-order" => options with { SpacesChildrenFirst = Choice(flag, Value(), "parents-first", "children-first") },
                "--port-self-relation-on-create" => options with
                {
                    PortRelations = options.PortRelations with { SelfRelationOnCreate = !Choice(flag, Value(), "allow", "refuse") },
                },
                "--port-bulk-relations" => options with
                {
                    PortRelations = options.PortRelations with { BulkSeesEarlierItems = !Choice(flag, Value(), "sequential", "snapshot") },
                },
                "--port-delete-dependents" => options with
                {
                    PortRelations = options.PortRelations with
                    {
                        DeleteDependents = Choice(flag, Value(), "required", "any") ? DependentsScope.AnyRelation : DependentsScope.RequiredRelations,
                    },
                },
                "--port-dangling-relations" => options with
                {
                    PortRelations = options.PortRelations with
                    {
                        OnTargetDeleted = Choice(flag, Value(), "clear", "keep") ? DanglingRelations.Keep : DanglingRelations.Clear,
                    },
                },
                "--port-referenced-blueprint-delete" => options with
                {
                    PortRelations = options.PortRelations with { RefuseDeletingReferencedBlueprint = !Choice(flag, Value(), "refuse", "allow") },
                },
                "--port-search-query-flags" => options with
                {
                    PortRelations = options.PortRelations with { BlueprintSearchHonoursQueryFlags = !Choice(flag, Value(), "honour", "ignore") },
                },
                "--port-aggregation-refresh" => options with
                {
                    PortRelations = options.PortRelations with { AggregationRefresh = TimeSpan.FromSeconds(Integer(flag, Value(), 0)) },
                },
                "--latency-ms" => options with { LatencyMs = Integer(flag, Value(), 0) },
                "--faults" => options with { Faults = Faults(flag, Value()) },
                "--fault-seed" => options with { FaultSeed = Integer(flag, Value(), int.MinValue) },
                "--slow-fault-ms" => options with { SlowFaultDelay = TimeSpan.FromMilliseconds(Integer(flag, Value(), 0)) },
                "--state" => options with { StateFile = NonEmpty(flag, Value()) },
                "--token-lifetime" => options with { TokenLifetime = TimeSpan.FromSeconds(Integer(flag, Value(), 1)) },
                "--port-client-id" => options with { PortClientId = NonEmpty(flag, Value()) },
                "--port-client-secret" => options with { PortClientSecret = NonEmpty(flag, Value()) },
                "--spacelift-key-id" => options with { SpaceliftKeyId = NonEmpty(flag, Value()) },
                "--spacelift-key-secret" => options with { SpaceliftKeySecret = NonEmpty(flag, Value()) },
                "--port-user" => options with { PortUsers = [.. options.PortUsers, User(flag, Value(), options.PortUsers)] },
                _ when UnknownFlags.Handles(flag) => UnknownFlags.Apply(options, flag, Value()),
                _ => RenewalLoopFlags.Apply(options, flag, Value) ?? throw new EmulatorUsageException($"unknown flag '{flag}' (see --help)"),
            };
        }

        return options;
    }

    private static Uri Url(string flag, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url))
        {
            throw new EmulatorUsageException($"{flag} '{value}' is not an absolute URL");
        }

        LoopbackEndpoint.From(url, flag);
        return url;
    }

    private static int Integer(string flag, string value, int minimum)
        => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= minimum
            ? number
            : throw new EmulatorUsageException($"{flag} '{value}' is not a whole number" + (minimum == int.MinValue ? "" : $" of at least {minimum}"));

    /// <summary>True for <paramref name="second"/>, false for <paramref name="first"/>; anything else is a usage error.</summary>
    private static bool Choice(string flag, string value, string first, string second)
        => value == first ? false : value == second ? true : throw new EmulatorUsageException($"{flag} '{value}' is neither {first} nor {second}");

    private static string Faults(string flag, string value)
    {
        try
        {
            FaultSpec.Parse(value);
            return value;
        }
        catch (FaultSpecException e)
        {
            throw new EmulatorUsageException($"{flag}: {e.Message}");
        }
    }

    /// <summary><c>EMAIL[:ROLE[:TEAM,TEAM]]</c>; an email given twice, or the token's own, is refused rather than merged.</summary>
    private static PortUser User(string flag, string value, IReadOnlyList<PortUser> earlier)
    {
        var parts = value.Split(':');
        var email = parts[0].Trim();
        if (parts.Length > 3 || !email.Contains('@', StringComparison.Ordinal) || email.Contains(' ', StringComparison.Ordinal))
        {
            throw new EmulatorUsageException($"{flag} '{value}' is not EMAIL[:ROLE[:TEAMS]], for example alice@acme.test:Member:platform,sre");
        }

        var role = parts.Length > 1 && parts[1].Length > 0 ? parts[1] : PortUser.Member;
        if (role is not (PortUser.Admin or PortUser.Member))
        {
            throw new EmulatorUsageException($"{flag} '{value}': the role is '{role}', but Port's roles are {PortUser.Admin} and {PortUser.Member}");
        }

        if (string.Equals(email, PortUser.DefaultAdminEmail, StringComparison.OrdinalIgnoreCase) || earlier.Any(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase)))
        {
            throw new EmulatorUsageException($"{flag} '{value}': the user {email} is already a member");
        }

        string[] teams = parts.Length > 2 ? [.. parts[2].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)] : [];
        return new PortUser(email, role, teams);
    }

    private static string NonEmpty(string flag, string value)
        => string.IsNullOrWhiteSpace(value) ? throw new EmulatorUsageException($"{flag} needs a non-empty value") : value;
}

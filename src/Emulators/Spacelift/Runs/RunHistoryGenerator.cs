using System.Security.Cryptography;
using System.Text;
using Emulators.Spacelift.Stacks;

namespace Emulators.Spacelift.Runs;

/// <summary>
/// The past runs of a generated account, reproducible from the stack and <c>anchor</c> (the moment the
/// history ends; the emulator keeps it in its state file so a restart shows the same runs). Each stack
/// that has run (state other than <c>NONE</c>) gets <c>tracked</c> tracked runs spaced 1 to 6 days apart
/// (so a 30-day window holds a different number per stack), the newest one ending in the stack's own
/// state with its tracked commit (a stack's state is its latest tracked run's), and <c>proposed</c> proposed
/// runs on feature branches. Runs are returned oldest first.
/// </summary>
public static class RunHistoryGenerator
{
    private static readonly (string Login, string Name)[] Authors =
    [
        ("octocat", "The Octocat"), ("alice-acme", "Alice Martin"), ("bob-acme", "Bob Nguyen"), ("chloe-acme", "Chloé Dubois"),
    ];

    private static readonly string[] Triggerers = ["", "alice@acme.example", "", "bob@acme.example", "api::01EMULATOREMULATOREMULATOR"];

    private static readonly string[] Changes = ["Bump provider versions", "Tighten security group rules", "Add tags", "Resize instances", "Rotate certificates", "Refactor module inputs"];

    public static IReadOnlyList<EmulatedRun> Generate(IEnumerable<EmulatedStack> stacks, int tracked, int proposed, DateTimeOffset anchor)
    {
        ArgumentNullException.ThrowIfNull(stacks);
        ArgumentOutOfRangeException.ThrowIfNegative(tracked);
        ArgumentOutOfRangeException.ThrowIfNegative(proposed);
        var runs = new List<EmulatedRun>();
        foreach (var stack in stacks.Where(s => s.State != StackStates.None))
        {
            var spacing = TimeSpan.FromDays(1 + (Hash(stack.Id, "spacing") % 6));
            for (var k = 0; k < tracked; k++)
            {
                var createdAt = anchor - (spacing * (tracked - 1 - k)) - TimeSpan.FromMinutes(30 + (Hash(stack.Id, "t", k) % 600));
                runs.Add(Tracked(stack, k, createdAt, latest: k == tracked - 1));
            }

            for (var p = 0; p < proposed; p++)
            {
                var createdAt = anchor - (spacing * (proposed - p)) + TimeSpan.FromHours(Hash(stack.Id, "p-at", p) % 12);
                runs.Add(Proposed(stack, p, createdAt));
            }
        }

        runs.Sort((a, b) => a.CreatedAt.CompareTo(b.CreatedAt));
        return runs;
    }

    private static EmulatedRun Tracked(EmulatedStack stack, int k, DateTimeOffset createdAt, bool latest)
    {
        var h = Hash(stack.Id, "t", k);
        var state = latest ? stack.State : (h % 10) switch
        {
            0 or 1 => "FAILED",
            2 => "DISCARDED",
            3 => "CANCELED",
            _ => StackStates.Finished,
        };
        var drift = !latest && h % 9 == 4;
        return Run(stack, "TRACKED", k, createdAt, state, h) with
        {
            CommitSha = latest && stack.TrackedCommitSha is { } sha ? sha : Sha(stack.Id, "t", k),
            TriggeredBy = drift ? string.Empty : Triggerers[h % (uint)Triggerers.Length],
            DriftDetection = drift,
        };
    }

    private static EmulatedRun Proposed(EmulatedStack stack, int p, DateTimeOffset createdAt)
    {
        var h = Hash(stack.Id, "p", p);
        return Run(stack, "PROPOSED", p, createdAt, h % 4 == 0 ? "FAILED" : StackStates.Finished, h) with
        {
            Branch = $"feature/{Slug.Make(Changes[h % (uint)Changes.Length])}-{p}",
            CommitSha = Sha(stack.Id, "p", p),
            TriggeredBy = string.Empty,
        };
    }

    private static EmulatedRun Run(EmulatedStack stack, string type, int n, DateTimeOffset createdAt, string state, uint h)
    {
        var author = Authors[h % (uint)Authors.Length];
        var ended = createdAt + TimeSpan.FromSeconds(120 + (h % 600));
        var planned = state is not ("QUEUED" or "PREPARING" or "INITIALIZING" or "PLANNING" or "CANCELED") && !(state == "FAILED" && h % 2 == 0);
        var seed = SHA256.HashData(Encoding.UTF8.GetBytes($"run:{stack.Id}:{type}:{n}"));
        return new EmulatedRun
        {
            Id = Ulid.Create(createdAt, seed.AsSpan(0, 10)),
            StackId = stack.Id,
            Type = type,
            CreatedAt = createdAt,
            Branch = stack.Branch,
            CommitSha = string.Empty,
            TriggeredBy = string.Empty,
            Token = string.Empty,
            Outcome = new RunOutcome(state, StackStates.Terminal.Contains(state) || state == "UNCONFIRMED" ? ended : createdAt + TimeSpan.FromSeconds(h % 90)),
            Commit = new RunCommit(author.Login, author.Name, $"{Changes[h / 7 % (uint)Changes.Length]} in {stack.Name}", createdAt.AddMinutes(-(int)(h % 240)).ToUnixTimeSeconds()),
            Delta = planned ? new RunDelta((int)(h % 4), (int)(h / 4 % 6), (int)(h / 24 % 2), (int)(5 + (h / 48 % 60))) : null,
        };
    }

    private static uint Hash(string stackId, string part, int n = 0)
        => BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes($"{stackId}:{part}:{n}")), 0);

    private static string Sha(string stackId, string part, int n)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"commit:{stackId}:{part}:{n}")))[..40];
}

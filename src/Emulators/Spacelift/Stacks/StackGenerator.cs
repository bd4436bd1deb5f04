using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Emulators.Spacelift.Spaces;

namespace Emulators.Spacelift.Stacks;

/// <summary>
/// Makes a realistic, reproducible account: stack <c>i</c> depends only on <c>i</c> (and, for its id's
/// collision suffix, on the stacks before it), so the first 45 of 50 generated stacks equal 45 generated
/// stacks. Some names repeat or differ only in punctuation on purpose, to exercise slug suffixes, and
/// some are unicode (accents, CJK, emoji).
/// </summary>
public static class StackGenerator
{
    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Components =
    [
        "Network", "Database", "EKS Cluster", "DNS", "IAM Roles", "Observability", "Message Queue", "CDN",
        "Data Lake", "Bastion", "Secrets", "Load Balancer", "Object Storage",
    ];

    private static readonly string[] Environments = ["prod", "staging", "dev", "qa", "sandbox"];

    private static readonly string[] Regions = ["eu-west-1", "us-east-1", "ap-northeast-1", "eu-central-1"];

    // Names that a plain generator would never produce; the repeats collide on purpose.
    private static readonly string[] SpecialNames =
    [
        "Zürich façade", "東京 network", "Launch pad 🚀", "Prod Network", "prod-network", "Prod  Network!",
        "Ops & Tools @ HQ", "Ærøskøbing “edge”", "Zürich façade",
    ];

    private static readonly string[] Branches = ["main", "main", "master", "develop", "release/2026.11"];

    private static readonly string[] Namespaces = ["acme", "acme-platform", "acme-data"];

    private static readonly string[] Teams = ["platform", "data", "payments", "security"];

    private static readonly StackVendor[] Vendors = Enum.GetValues<StackVendor>();

    /// <summary>Stacks spread over the four spaces the emulator has always had (see <see cref="SpaceGenerator"/>).</summary>
    public static IReadOnlyList<EmulatedStack> Generate(int count) => Generate(count, SpaceGenerator.Generate(4));

    /// <summary>
    /// Stacks spread over <paramref name="spaces"/>: every third stack in <c>root</c>, stack <c>i</c> otherwise in
    /// space <c>i mod spaces.Count</c> (every space gets stacks once there are enough of them).
    /// </summary>
    public static IReadOnlyList<EmulatedStack> Generate(int count, IReadOnlyList<EmulatedSpace> spaces)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(spaces);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var stacks = new List<EmulatedStack>(count);
        for (var i = 0; i < count; i++)
        {
            var stack = Describe(i) with { Space = i % 3 == 0 || spaces.Count == 0 ? SpaceStore.Root : spaces[i % spaces.Count].Id };
            var id = Slug.MakeUnique(stack.Name, taken.Contains);
            taken.Add(id);
            stacks.Add(stack with { Id = id });
        }

        return stacks;
    }

    /// <summary>Stack <paramref name="i"/> with a provisional id (its plain slug).</summary>
    private static EmulatedStack Describe(int i)
    {
        var component = Components[i % Components.Length];
        var environment = Environments[i / Components.Length % Environments.Length];
        var region = Regions[i % Regions.Length];
        var name = i % 11 == 7
            ? SpecialNames[i / 11 % SpecialNames.Length]
            : $"{component} {environment} {region}" + (i >= Components.Length * Environments.Length ? $" {i}" : "");
        var createdAt = Epoch.AddHours(i * 7).ToUnixTimeSeconds();
        var state = StackStates.All[i * 7 % StackStates.All.Count];
        var provider = VcsProviders.All[i % 5 == 4 ? i / 5 % VcsProviders.All.Count : 0];
        var repository = "infra-" + Slug.Make(component);
        var namespaceName = Namespaces[i % Namespaces.Length];
        return new EmulatedStack
        {
            Id = Slug.Make(name),
            Name = name,
            Description = i % 4 == 1 ? null : $"{component} for {environment} in {region}, managed by team {Teams[i % Teams.Length]}.",
            Labels = Labels(i, environment, component),
            State = state,
            StateSetAt = state == StackStates.None ? null : createdAt + 600,
            CreatedAt = createdAt,
            Repository = repository,
            Namespace = namespaceName,
            Branch = Branches[i % Branches.Length],
            ProjectRoot = i % 3 == 2 ? null : $"stacks/{environment}/{Slug.Make(component)}",
            Provider = provider,
            Administrative = i % 10 == 0,
            Autodeploy = i % 2 == 0,
            IsDisabled = i % 29 == 28,
            LockedBy = i % 13 == 5 ? "alice@acme.example" : null,
            LockedAt = i % 13 == 5 ? createdAt + 3600 : null,
            LockNote = i % 26 == 5 ? "Maintenance window" : null,
            Vendor = Vendors[i % Vendors.Length],
            WorkerPoolId = i % 6 == 3 ? "01HWORKERP00L0000000000000" : null,
            TrackedCommitSha = state == StackStates.None ? null : CommitSha(i),
        };
    }

    private static IReadOnlyList<string> Labels(int i, string environment, string component)
    {
        var labels = new List<string> { $"folder:{environment}", $"team:{Teams[i % Teams.Length]}" };
        if (i % 3 == 1)
        {
            labels.Add($"folder:{environment}/{Slug.Make(component)}");
        }

        if (i % 5 == 2)
        {
            labels.Add("infracost");
        }

        if (i % 7 == 6)
        {
            labels.Add("feature:add_plan_pr_comment");
        }

        return labels;
    }

    private static string CommitSha(int i)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("commit:" + i.ToString(CultureInfo.InvariantCulture))))[..40];
}

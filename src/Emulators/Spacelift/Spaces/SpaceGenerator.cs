using System.Security.Cryptography;
using System.Text;
using Emulators.Spacelift.Stacks;

namespace Emulators.Spacelift.Spaces;

/// <summary>
/// Makes a reproducible tree of spaces under <c>root</c>: space <c>j</c> depends only on <c>j</c>. The first
/// four are the children of root the emulator has always put stacks in (development, production, platform,
/// security), so their ids do not change; later ones nest under earlier ones, three children each, so 50
/// spaces are four levels deep. About one in five does not inherit, and some carry labels.
/// </summary>
public static class SpaceGenerator
{
    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] TopLevel = ["development", "production", "platform", "security"];

    private static readonly string[] Teams = ["payments", "data", "identity", "search", "mobile", "edge", "billing", "observability"];

    private static readonly string[] Environments = ["dev", "staging", "prod", "sandbox", "qa"];

    public static IReadOnlyList<EmulatedSpace> Generate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var spaces = new List<EmulatedSpace>(count);
        for (var j = 0; j < count; j++)
        {
            var name = NameOf(j);
            spaces.Add(new EmulatedSpace
            {
                Id = IdOf(name),
                Name = name,
                Description = j % 4 == 2 ? string.Empty : $"Stacks of the {name} space",
                ParentSpace = j < TopLevel.Length ? SpaceStore.Root : spaces[(j - TopLevel.Length) / 3].Id,
                InheritEntities = j % 5 != 3,
                Labels = Labels(j),
            });
        }

        return spaces;
    }

    /// <summary>A space id as Spacelift makes it: the slug of the name and a ULID, here fixed for the name.</summary>
    public static string IdOf(string spaceName)
    {
        var seed = SHA256.HashData(Encoding.UTF8.GetBytes("space:" + spaceName));
        return $"{Slug.Make(spaceName)}-{Ulid.Create(Epoch, seed.AsSpan(0, 10))}";
    }

    private static string NameOf(int j)
    {
        if (j < TopLevel.Length)
        {
            return TopLevel[j];
        }

        var k = j - TopLevel.Length;
        var name = $"{Teams[k % Teams.Length]}-{Environments[k / Teams.Length % Environments.Length]}";
        var round = k / (Teams.Length * Environments.Length);
        return round == 0 ? name : $"{name}-{round + 1}";
    }

    private static IReadOnlyList<string> Labels(int j) => (j % 3) switch
    {
        0 => [$"owner:{Teams[j % Teams.Length]}"],
        1 => [$"owner:{Teams[j % Teams.Length]}", "tier:1"],
        _ => [],
    };
}

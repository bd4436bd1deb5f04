using System.Text.RegularExpressions;

namespace FakePulumiEngine;

/// <summary>
/// The engine's version check for packages: <c>semver.Parse</c> of github.com/blang/semver, which takes
/// semver 2.0.0 exactly (no leading 'v', three numeric parts without leading zeros, optional pre-release
/// and build parts), as in the grammar of https://semver.org.
/// </summary>
public static partial class StrictSemver
{
    public static bool IsValid(string version) => Pattern().IsMatch(version);

    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

namespace Emulators.Spacelift.Stacks;

/// <summary>Values of the <c>VCSProvider</c> enum.</summary>
public static class VcsProviders
{
    public const string GitHub = "GITHUB";
    public const string Git = "GIT";

    public static readonly IReadOnlyList<string> All =
    [
        GitHub, "GITHUB_ENTERPRISE", "GITLAB", "BITBUCKET_CLOUD", "BITBUCKET_DATACENTER", "AZURE_DEVOPS", Git,
        "SHOWCASE", "SPACELIFT",
    ];
}

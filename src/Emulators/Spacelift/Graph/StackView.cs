using Emulators.Spacelift.Runs;
using Emulators.Spacelift.Stacks;

namespace Emulators.Spacelift.Graph;

/// <summary>
/// A stack as the <c>Stack</c> GraphQL type shows it. Fields Spacelift computes (state from the latest
/// tracked run, space details, vendor config, links) are derived here; fields the emulator does not
/// model return fixed, plausible values, with nullable ones really null.
/// </summary>
internal sealed class StackView(EmulatedStack stack, SpaceliftEmulator state)
{
    private static readonly IReadOnlyList<string> None = [];

    public string Id => stack.Id;
    public string Name => stack.Name;
    public string? Description => stack.Description;
    public string Space => stack.Space;
    public SpaceView SpaceDetails => SpaceView.Of(stack.Space, state.Spaces);
    public bool Administrative => stack.Administrative;
    public bool Autodeploy => stack.Autodeploy;
    public bool Autoretry => false;
    public string State => state.EffectiveState(stack).State;
    public long? StateSetAt => state.EffectiveState(stack).Since;
    public bool StateIsTerminal => StackStates.Terminal.Contains(State);
    public long CreatedAt => stack.CreatedAt;
    public string Repository => stack.Repository;
    public string Namespace => stack.Namespace;
    public string Branch => stack.Branch;
    public string? ProjectRoot => stack.ProjectRoot;
    public string Provider => stack.Provider;
    public string? RepositoryURL => stack.Provider == VcsProviders.Git ? $"https://git.acme.example/{stack.Namespace}/{stack.Repository}.git" : null;
    public IReadOnlyList<string> RepositoryTags => None;
    public string? ApiHost => ApiHostOf(stack.Provider);
    public VcsIntegrationView? VcsIntegration => ApiHost is null ? null : new VcsIntegrationView(
        "default-" + stack.Provider.ToLowerInvariant().Replace('_', '-'), "Default integration", null, true, stack.Provider);
    public bool VcsDetached => false;
    public IReadOnlyList<string> Labels => stack.Labels;
    public bool IsDisabled => stack.IsDisabled;
    public bool IsDrifted => false;
    public string? LockedBy => stack.LockedBy;
    public long? LockedAt => stack.LockedAt;
    public string? LockNote => stack.LockNote;
    public int EntityCount => State == StackStates.None ? 0 : (int)((uint)StringComparer.Ordinal.GetHashCode(stack.Id) % 40) + 1;
    public bool Blocked => false;
    public RunView? Blocker => null;
    public bool NeedsApproval => false;
    public CommitView? TrackedCommit => stack.TrackedCommitSha is null ? null : CommitOf(stack, stack.TrackedCommitSha);
    public string? TrackedCommitSetBy => stack.TrackedCommitSha is null ? null : "Git push";
    public long? LastApplyAt => State == StackStates.Finished ? StateSetAt : null;
    public WorkerPoolView? WorkerPool => stack.WorkerPoolId is null ? null : new WorkerPoolView(stack.WorkerPoolId, "private-pool");
    public object VendorConfig => VendorConfigOf(stack);
    public bool CanWrite => true;
    public bool Starred => false;
    public bool Deleted => false;
    public bool Deleting => false;
    public bool ManagesStateFile => stack.Vendor is StackVendor.Terraform or StackVendor.OpenTofu;
    public string? RunnerImage => null;
    public string? TerraformVersion => TerraformVersionOf(stack.Vendor);
    public string? EffectiveTerraformVersion => TerraformVersion;
    public bool LocalPreviewEnabled => false;
    public bool ProtectFromDeletion => stack.Administrative;
    public bool GithubActionDeploy => true;
    public bool EnableWellKnownSecretMasking => false;
    public bool EnableSensitiveOutputUpload => false;
    public IReadOnlyList<string> AdditionalProjectGlobs => None;
    public IReadOnlyList<string> GitSparseCheckoutPaths => None;
    public IReadOnlyList<string> AfterApply => None;
    public IReadOnlyList<string> AfterDestroy => None;
    public IReadOnlyList<string> AfterInit => None;
    public IReadOnlyList<string> AfterPerform => None;
    public IReadOnlyList<string> AfterPlan => None;
    public IReadOnlyList<string> AfterRun => None;
    public IReadOnlyList<string> BeforeApply => None;
    public IReadOnlyList<string> BeforeDestroy => None;
    public IReadOnlyList<string> BeforeInit => None;
    public IReadOnlyList<string> BeforePerform => None;
    public IReadOnlyList<string> BeforePlan => None;
    public IntegrationsView Integrations => new(null, null, null, []);
    public IReadOnlyList<object> Outputs => [];

    public static CommitView CommitOf(EmulatedStack stack, string sha) => new(
        "octocat",
        "The Octocat",
        sha,
        $"Update {stack.Name}",
        stack.CreatedAt + 300,
        ApiHostOf(stack.Provider) is null ? null : $"https://github.com/{stack.Namespace}/{stack.Repository}/commit/{sha}",
        "");

    private static string? ApiHostOf(string provider) => provider switch
    {
        VcsProviders.GitHub or "SHOWCASE" => "https://api.github.com",
        "GITHUB_ENTERPRISE" => "https://github.acme.example/api/v3",
        "GITLAB" => "https://gitlab.com",
        "BITBUCKET_CLOUD" => "https://api.bitbucket.org",
        "BITBUCKET_DATACENTER" => "https://bitbucket.acme.example",
        "AZURE_DEVOPS" => "https://dev.azure.com/acme",
        _ => null,
    };

    private static string? TerraformVersionOf(StackVendor vendor) => vendor switch
    {
        StackVendor.Terraform => "1.5.7",
        StackVendor.OpenTofu => "1.8.5",
        StackVendor.Terragrunt => "1.5.7",
        _ => null,
    };

    private static object VendorConfigOf(EmulatedStack stack) => stack.Vendor switch
    {
        StackVendor.Terraform => new StackConfigVendorTerraform("1.5.7", null, true, false, "TERRAFORM_FOSS"),
        StackVendor.OpenTofu => new StackConfigVendorOpenTofu("1.8.5", null, true, false, "OPEN_TOFU", false),
        StackVendor.Terragrunt => new StackConfigVendorTerragrunt("1.5.7", "0.67.0", false, true, false, false, false, false, "OPEN_TOFU"),
        StackVendor.Pulumi => new StackConfigVendorPulumi("s3://acme-pulumi-state", stack.Id),
        StackVendor.CloudFormation => new StackConfigVendorCloudFormation("template.yaml", "eu-west-1", stack.Id, "acme-cfn-templates"),
        StackVendor.Kubernetes => new StackConfigVendorKubernetes(stack.Id, "1.31.0", "KUBECTL"),
        _ => new StackConfigVendorAnsible("site.yml"),
    };
}

namespace Emulators.Spacelift.Graph;

// The members of the StackConfigVendor union; each CLR type maps to the GraphQL type of the same name.

internal sealed record StackConfigVendorTerraform(string? Version, string? Workspace, bool UseSmartSanitization, bool ExternalStateAccessEnabled, string? WorkflowTool);

internal sealed record StackConfigVendorOpenTofu(string? Version, string? Workspace, bool UseSmartSanitization, bool ExternalStateAccessEnabled, string? WorkflowTool, bool Concise);

internal sealed record StackConfigVendorTerragrunt(
    string? TerraformVersion,
    string TerragruntVersion,
    bool UseRunAll,
    bool UseSmartSanitization,
    bool UseStateManagement,
    bool PrefixResourceNamesWithModuleName,
    bool SkipReplanWhenRunAll,
    bool SkipReplan,
    string Tool);

internal sealed record StackConfigVendorPulumi(string LoginURL, string StackName);

internal sealed record StackConfigVendorCloudFormation(string EntryTemplateFile, string Region, string StackName, string TemplateBucket);

internal sealed record StackConfigVendorKubernetes(string Namespace, string? KubectlVersion, string? KubernetesWorkflowTool);

internal sealed record StackConfigVendorAnsible(string Playbook);

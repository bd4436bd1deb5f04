namespace Emulators.Spacelift.Stacks;

/// <summary>The tool a stack runs; it picks the <c>StackConfigVendor*</c> member of <c>vendorConfig</c>.</summary>
public enum StackVendor
{
    Terraform,
    OpenTofu,
    Terragrunt,
    Pulumi,
    CloudFormation,
    Kubernetes,
    Ansible,
}

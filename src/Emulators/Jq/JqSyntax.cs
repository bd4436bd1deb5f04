namespace Emulators.Jq;

/// <summary>Which spelling of jq an expression is read in.</summary>
public enum JqSyntax
{
    /// <summary>jq's own: string literals in double quotes only.</summary>
    Standard,

    /// <summary>
    /// Port's webhook mappings: also <c>'text'</c> as a string literal, as Port's webhook docs write constants
    /// (<c>"deploymentStatus": "'Success'"</c>, <c>"combinator": "'and'"</c>; port-docs
    /// <c>docs/build-your-software-catalog/custom-integration/webhook/webhook.md</c> at 4893974). The text runs
    /// to the next <c>'</c>, taken as written: Port documents no escapes inside.
    /// </summary>
    PortMapping,
}

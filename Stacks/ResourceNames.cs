namespace Infra.Stacks;

/// <summary>The fixed identifiers of the integration's resources (the blueprint id comes from configuration).</summary>
public static class ResourceNames
{
    public const string ApiKeyIdSecret = "SPACELIFT_API_KEY_ID";
    public const string ApiKeySecretSecret = "SPACELIFT_API_KEY_SECRET";
    public const string TokenSecret = "SPACELIFT_TOKEN";
    public const string TriggerAction = "trigger_spacelift_stack";
    public const string RefreshAction = "refresh_spacelift_token";
    public const string TokenAutomation = "spacelift_token_refresh_sync";

    /// <summary>
    /// A second name the guide uses for the API key secret; organisations set up from it often hold
    /// this one too. Not managed and not read by any declared action: the plan only notes it.
    /// </summary>
    public const string GuideSpareSecret = "SPACELIFT_API_SECRET";

    /// <summary>The description every managed secret starts with; the engine appends its own record to it.</summary>
    public const string ManagedSecretDescription = "Managed by infra";
}

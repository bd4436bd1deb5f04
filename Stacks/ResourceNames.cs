namespace Infra.Stacks;

/// <summary>
/// The identifiers of one stack's resources (the blueprint id comes from configuration), derived from
/// <c>infra:nameSuffix</c> in this one place. Without a suffix they are the guide's names exactly; with
/// <c>eu</c>, actions become <c>trigger_spacelift_stack_eu</c> and secrets <c>SPACELIFT_TOKEN_EU</c>, so
/// two Spacelift accounts can live side by side in one Port organisation.
/// </summary>
public sealed record ResourceNames
{
    /// <summary>
    /// A second name the guide uses for the API key secret; organisations set up from it often hold
    /// this one too. Not managed and not read by any declared action: the plan only notes it.
    /// </summary>
    public const string GuideSpareSecret = "SPACELIFT_API_SECRET";

    /// <summary>The description every managed secret starts with; the engine appends its own record to it.</summary>
    public const string ManagedSecretDescription = "Managed by infra";

    /// <summary>The guide's names (no suffix).</summary>
    public static ResourceNames Guide { get; } = new(string.Empty);

    /// <exception cref="ArgumentException">The suffix breaks <see cref="NameSuffix"/>'s rules (configuration checks it first).</exception>
    public ResourceNames(string suffix)
    {
        if (NameSuffix.Problem(suffix) is { } problem)
        {
            throw new ArgumentException($"name suffix '{suffix}' {problem}", nameof(suffix));
        }

        Suffix = suffix;
    }

    /// <summary>Empty for the guide's names.</summary>
    public string Suffix { get; }

    public string ApiKeyIdSecret => SecretName("SPACELIFT_API_KEY_ID");
    public string ApiKeySecretSecret => SecretName("SPACELIFT_API_KEY_SECRET");
    public string TokenSecret => SecretName("SPACELIFT_TOKEN");
    public string TriggerAction => Identifier("trigger_spacelift_stack");
    public string RefreshAction => Identifier("refresh_spacelift_token");
    public string TokenAutomation => Identifier("spacelift_token_refresh_sync");

    /// <summary>
    /// A title that says which account the resource is for when there is a suffix (two trigger buttons
    /// in one organisation must be told apart): <c>Trigger Spacelift Stack (eu: acme.app.spacelift.io)</c>,
    /// or without the host when that would pass Port's 100-character title limit.
    /// </summary>
    public string Title(string title, Uri account)
    {
        if (Suffix.Length == 0)
        {
            return title;
        }

        var withHost = $"{title} ({Suffix}: {account.Authority})";
        return withHost.Length <= 100 ? withHost : $"{title} ({Suffix})";
    }

    private string SecretName(string name) => Suffix.Length == 0 ? name : name + "_" + Suffix.ToUpperInvariant();

    private string Identifier(string name) => Suffix.Length == 0 ? name : name + "_" + Suffix;
}

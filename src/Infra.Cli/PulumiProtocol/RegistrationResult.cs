namespace Infra.Cli.PulumiProtocol;

/// <summary>
/// How the engine says a registration ended (<c>RegisterResourceResponse.result</c>). Anything but
/// <see cref="Succeeded"/> comes only under <c>pulumi up --continue-on-error</c>: the engine has already
/// reported the failure and will fail the update itself, so the program goes on, as the .NET SDK does.
/// </summary>
public enum RegistrationResult
{
    Succeeded,

    /// <summary>The resource's step failed (the provider refused the create or update).</summary>
    Failed,

    /// <summary>The step was not run: the resource depends on one that failed or was skipped.</summary>
    Skipped,
}

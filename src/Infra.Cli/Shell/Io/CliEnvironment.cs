namespace Infra.Cli.Shell.Io;

/// <summary>The environment variables a run sees; injected so tests never touch the process environment.</summary>
public sealed record CliEnvironment(IReadOnlyDictionary<string, string?> Variables)
{
    public static CliEnvironment Empty { get; } = new(new Dictionary<string, string?>());

    /// <summary>Pulumi's equivalent of <c>--yes</c>.</summary>
    public bool SkipConfirmations => IsTruthy("PULUMI_SKIP_CONFIRMATIONS");

    /// <summary>https://no-color.org: present and not empty disables colour.</summary>
    public bool NoColor => Variables.TryGetValue("NO_COLOR", out var value) && !string.IsNullOrEmpty(value);

    private bool IsTruthy(string name) =>
        Variables.TryGetValue(name, out var value)
        && value is not null
        && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));
}

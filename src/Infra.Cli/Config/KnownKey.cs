using System.Text;

namespace Infra.Cli.Config;

/// <summary>A key the program reads, with the environment variable that may supply it instead (the provider keys are listed here).</summary>
public sealed record KnownKey(ConfigKey Key, string EnvironmentVariable, string? Default = null, bool IsSecret = false)
{
    public static readonly KnownKey PortBaseUrl = new(new("port", "baseUrl"), "PORT_BASE_URL", "https://api.getport.io");
    public static readonly KnownKey PortClientId = new(new("port", "clientId"), "PORT_CLIENT_ID");
    public static readonly KnownKey PortSecret = new(new("port", "secret"), "PORT_CLIENT_SECRET", IsSecret: true);
    public static readonly KnownKey SpaceliftEndpoint = new(new("spacelift", "apiKeyEndpoint"), "SPACELIFT_API_KEY_ENDPOINT");
    public static readonly KnownKey SpaceliftKeyId = new(new("spacelift", "apiKeyId"), "SPACELIFT_API_KEY_ID");
    public static readonly KnownKey SpaceliftKeySecret = new(new("spacelift", "apiKeySecret"), "SPACELIFT_API_KEY_SECRET", IsSecret: true);

    /// <summary>How an error tells the user where to look: <c>spacelift:apiKeySecret / SPACELIFT_API_KEY_SECRET</c>.</summary>
    public string Names => $"{Key} / {EnvironmentVariable}";

    public static IReadOnlyList<KnownKey> All { get; } =
        [PortBaseUrl, PortClientId, PortSecret, SpaceliftEndpoint, SpaceliftKeyId, SpaceliftKeySecret];

    /// <summary>Whether the key holds a credential, however the stack file stores it (the demo keeps plaintext ones).</summary>
    public static bool IsSecretKey(ConfigKey key) => All.Any(known => known.IsSecret && known.Key == key);

    /// <summary>A key of the project's own namespace, whose variable is <c>&lt;PROJECT&gt;_&lt;UPPER_SNAKE_NAME&gt;</c>.</summary>
    public static KnownKey ForProject(string project, string name)
        => new(new ConfigKey(project, name), UpperSnake(project) + "_" + UpperSnake(name));

    /// <summary><c>pruneThresholdPercent</c> → <c>PRUNE_THRESHOLD_PERCENT</c>; other non-alphanumerics become '_'.</summary>
    private static string UpperSnake(string name)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && char.IsLower(name[i - 1]))
            {
                builder.Append('_');
            }

            builder.Append(char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_');
        }

        return builder.ToString();
    }
}

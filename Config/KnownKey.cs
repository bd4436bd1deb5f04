namespace Infra.Config;

/// <summary>A key the program reads, with the environment variable that may supply it instead (the provider keys are listed here).</summary>
public sealed record KnownKey(ConfigKey Key, string EnvironmentVariable, string? Default = null)
{
    public static readonly KnownKey PortBaseUrl = new(new("port", "baseUrl"), "PORT_BASE_URL", "https://api.getport.io");
    public static readonly KnownKey PortClientId = new(new("port", "clientId"), "PORT_CLIENT_ID");
    public static readonly KnownKey PortSecret = new(new("port", "secret"), "PORT_CLIENT_SECRET");
    public static readonly KnownKey SpaceliftEndpoint = new(new("spacelift", "apiKeyEndpoint"), "SPACELIFT_API_KEY_ENDPOINT");
    public static readonly KnownKey SpaceliftKeyId = new(new("spacelift", "apiKeyId"), "SPACELIFT_API_KEY_ID");
    public static readonly KnownKey SpaceliftKeySecret = new(new("spacelift", "apiKeySecret"), "SPACELIFT_API_KEY_SECRET");

    public static IReadOnlyList<KnownKey> All { get; } =
        [PortBaseUrl, PortClientId, PortSecret, SpaceliftEndpoint, SpaceliftKeyId, SpaceliftKeySecret];
}

namespace Infra.Cli.PulumiProtocol;

/// <summary>
/// Pulumi's markers inside property values (facts of the protocol; see docs/pulumi-engine-protocol.md):
/// a special object carries <see cref="SpecialKey"/> with a signature saying what it is, and a value
/// not known yet during a preview travels as a fixed string.
/// </summary>
internal static class PropertySignatures
{
    public const string SpecialKey = "4dabf18193072939515e22adb298388d";
    public const string Secret = "1b47061264138c4ac30d75fd1eb44270";
    public const string ResourceReference = "5cf8f73096256a8f31e491e813e4eb8e";

    /// <summary>What a program sends for an unknown value (the engine accepts it in previews only).</summary>
    public const string Unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    /// <summary>The engine answers with typed unknowns; all of them read as "not known".</summary>
    public static readonly IReadOnlySet<string> EngineUnknowns = new HashSet<string>(StringComparer.Ordinal)
    {
        "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
        "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
        Unknown,
        "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
        "030794c1-ac77-496b-92df-f27374a8bd58",
        "e48ece36-62e2-4504-bad9-02848725956a",
        "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
    };
}

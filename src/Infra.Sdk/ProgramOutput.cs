namespace Infra.Sdk;

/// <summary>A value the stack reports under <see cref="Name"/> (a Pulumi stack output).</summary>
public abstract record ProgramOutput(string Name)
{
    /// <summary>A value the program knows when it declares.</summary>
    public sealed record Text(string Name, string Value) : ProgramOutput(Name);

    /// <summary>The id the service gave <paramref name="Address"/> (unknown until it exists).</summary>
    public sealed record IdOf(string Name, ResourceAddress Address) : ProgramOutput(Name);

    /// <summary>When the minted secret at <paramref name="Address"/> expires (known once it is minted).</summary>
    public sealed record ExpiryOf(string Name, ResourceAddress Address) : ProgramOutput(Name);

    /// <summary>How many entities of <paramref name="Blueprint"/> are declared.</summary>
    public sealed record EntityCount(string Name, string Blueprint) : ProgramOutput(Name);
}

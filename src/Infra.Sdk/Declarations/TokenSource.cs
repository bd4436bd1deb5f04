namespace Infra.Sdk.Declarations;

/// <summary>Where the value of the Spacelift token secret comes from: given in configuration, or minted.</summary>
public abstract record TokenSource
{
    private TokenSource()
    {
    }

    /// <summary>The executor mints a JWT from the API key at apply time (a preview never mints) and again before it expires.</summary>
    public static TokenSource Minted { get; } = new MintedToken();

    /// <summary>A JWT known in advance, written and compared like the other secret values.</summary>
    public static TokenSource Given(Secret value) => new GivenToken(value);

    public sealed record GivenToken(Secret Value) : TokenSource;

    public sealed record MintedToken : TokenSource;
}
